package io.github.hfinference.core;

import org.junit.jupiter.api.Test;

import io.github.hfinference.core.error.HfRevisionMismatchException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class RevisionGuardTests {

	private static final String SERVED = "714eb0fa89d2f80546fda750413ed43d93601a13";

	private final RevisionGuard guard = new RevisionGuard();

	@Test
	void shortShaPinMatchesTheFullServedSha() {
		this.guard.check(model("714eb0fa", RevisionMismatchAction.FAIL), RevisionMismatchAction.FAIL, "hf-inference",
				SERVED);
		assertThat(this.guard.state("m")).isEqualTo(new RevisionGuard.RevisionState("714eb0fa", SERVED, false));
	}

	@Test
	void warnRecordsDriftWithoutFailing() {
		this.guard.check(model("0000000aaaa", RevisionMismatchAction.WARN), RevisionMismatchAction.WARN,
				"hf-inference", SERVED);
		assertThat(this.guard.state("m").drift()).isTrue();
		assertThat(this.guard.state("m").lastServed()).isEqualTo(SERVED);
	}

	@Test
	void failRaisesATypedExceptionNamingBothRevisions() {
		assertThatExceptionOfType(HfRevisionMismatchException.class)
			.isThrownBy(() -> this.guard.check(model("0000000aaaa", RevisionMismatchAction.FAIL),
					RevisionMismatchAction.FAIL, "hf-inference", SERVED))
			.withMessageContaining("0000000aaaa")
			.withMessageContaining(SERVED);
	}

	@Test
	void branchPinsCannotBeVerifiedAndNeverDrift() {
		assertThat(RevisionGuard.isVerifiable("main")).isFalse();
		this.guard.check(model("main", RevisionMismatchAction.FAIL), RevisionMismatchAction.FAIL, "hf-inference",
				SERVED);
		assertThat(this.guard.state("m").drift()).isFalse();
	}

	@Test
	void responsesWithoutServedRevisionChangeNothing() {
		this.guard.check(model("0000000aaaa", RevisionMismatchAction.FAIL), RevisionMismatchAction.FAIL, "together",
				null);
		assertThat(this.guard.state("m")).isNull();
	}

	private static ModelDefinition model(String revision, RevisionMismatchAction action) {
		return ModelDefinition.builder("m")
			.id("org/model")
			.revision(revision)
			.revisionMismatch(action)
			.target(new InferenceTarget.Router("hf-inference"))
			.build();
	}

}
