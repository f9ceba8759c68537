package io.github.hfinference.core.internal.http;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Headers shared by many calls are a faithful, unchangeable copy.
 */
class SharedRequestHeadersTests {

	@Test
	void copyKeepsEveryValueAndIgnoresNameCase() {
		HttpHeaders headers = new HttpHeaders();
		headers.set("Authorization", "Bearer hf_test");
		headers.add("X-Many", "a");
		headers.add("X-Many", "b");

		SharedRequestHeaders shared = SharedRequestHeaders.copyOf(headers);

		assertThat(shared.getFirst("authorization")).isEqualTo("Bearer hf_test");
		assertThat(shared.get("x-many")).containsExactly("a", "b");
		assertThat(shared.netty().getAll("X-MANY")).containsExactly("a", "b");
	}

	@Test
	void changesAreRefusedAndTheSourceStaysIndependent() {
		HttpHeaders headers = new HttpHeaders();
		headers.set("Accept", "image/png");
		SharedRequestHeaders shared = SharedRequestHeaders.copyOf(headers);

		headers.set("Accept", "audio/flac");

		assertThat(shared.getFirst("Accept")).isEqualTo("image/png");
		assertThatExceptionOfType(UnsupportedOperationException.class).isThrownBy(() -> shared.remove("Accept"));
		assertThatExceptionOfType(UnsupportedOperationException.class)
			.isThrownBy(() -> shared.set("Authorization", "Bearer other"));
		assertThat(shared.netty().get("Authorization")).isNull();
	}

}
