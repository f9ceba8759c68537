package io.github.hfinference.core.replay;

import java.io.IOException;
import java.util.List;

import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.github.hfinference.core.ModelDefinition;
import io.github.hfinference.core.error.HfHttpException;
import io.github.hfinference.core.task.Translation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * The Hub answers a renamed repository with a relative redirect (recorded:
 * {@code GET /api/models/t5-small} → {@code 307 Location: /api/models/google-t5/t5-small}).
 * The provider-mapping lookup of the {@code auto} provider follows it on the Hub host, and
 * only there.
 */
class RenamedModelReplayTests {

	private static final String MAPPING = "{\"_id\":\"621ffdc036468d709f174358\",\"id\":\"google-t5/t5-small\","
			+ "\"inferenceProviderMapping\":{\"hf-inference\":{\"status\":\"live\",\"providerId\":\"google-t5/t5-small\","
			+ "\"task\":\"translation\"}}}";

	private final MockWebServer server = new MockWebServer();

	private final MockWebServer otherHost = new MockWebServer();

	@BeforeEach
	void start() throws IOException {
		this.server.start();
		this.otherHost.start();
	}

	@AfterEach
	void stop() {
		this.server.close();
		this.otherHost.close();
	}

	@Test
	void mappingLookupFollowsTheHubRedirectOfARenamedModel() throws Exception {
		List<Interaction> cassette = Recordings.cassette(Recordings.HUB,
				"TestInferenceClient.test_translation[hf-inference,translation].yaml");
		Interaction redirect = cassette.get(0);
		Interaction translation = cassette.get(2);
		assertThat(redirect.status()).isEqualTo(307);
		this.server.enqueue(ReplaySupport.recordedResponse(redirect));
		// the recorded model info was fetched without ?expand, so it holds no mapping: a mapping stands in
		this.server.enqueue(new MockResponse.Builder().code(200).addHeader("Content-Type", "application/json")
			.body(MAPPING).build());
		this.server.enqueue(ReplaySupport.recordedResponse(translation));

		Translation.Output output = ReplaySupport.client(this.server)
			.blocking()
			.call(Translation.TASK, ModelDefinition.of("t5-small"), "Hello world", null);

		assertThat(output.translationText()).isEqualTo("Hallo Welt");
		RecordedRequest lookup = this.server.takeRequest();
		assertThat(lookup.getUrl().encodedPath()).isEqualTo("/api/models/t5-small");
		RecordedRequest renamed = this.server.takeRequest();
		assertThat(renamed.getUrl().encodedPath()).isEqualTo("/api/models/google-t5/t5-small");
		assertThat(renamed.getUrl().queryParameter("expand[]")).as("the query is kept")
			.isEqualTo("inferenceProviderMapping");
		assertThat(renamed.getHeaders().get("Authorization")).isEqualTo("Bearer " + ReplaySupport.TOKEN);
		assertThat(this.server.takeRequest().getTarget()).isEqualTo(translation.uri().getRawPath());
	}

	@Test
	void mappingLookupDoesNotFollowARedirectToAnotherHost() {
		this.server.enqueue(new MockResponse.Builder().code(307)
			.addHeader("Location", this.otherHost.url("/api/models/google-t5/t5-small").toString())
			.build());

		HfHttpException exception = catchThrowableOfType(HfHttpException.class, () -> ReplaySupport.client(this.server)
			.blocking()
			.call(Translation.TASK, ModelDefinition.of("t5-small"), "Hello world", null));

		assertThat(exception.getStatus()).isEqualTo(307);
		assertThat(this.otherHost.getRequestCount()).isZero();
	}

}
