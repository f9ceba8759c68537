package io.github.hfinference.core.internal.routing;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.node.ObjectNode;

import io.github.hfinference.core.InferenceTarget;
import io.github.hfinference.core.ModelDefinition;
import io.github.hfinference.core.MockServerFixture;
import io.github.hfinference.core.error.HfUnsupportedProviderException;
import io.github.hfinference.core.json.JsonCodec;
import io.github.hfinference.core.task.Task.RequestPayload;
import io.github.hfinference.core.task.responses.ResponseOutput;
import io.github.hfinference.core.task.responses.Responses;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Capability-aware routing from the router's catalogue (the hand-written
 * {@code conformance/hand-written/router-v1-models.json}): a call that needs tools or
 * structured output goes, under {@code auto}, to a live provider that has them, chosen by the
 * policy; an explicit provider lacking them is refused before sending; a call that needs
 * nothing, or a catalogue that cannot be read, leaves the choice to the router.
 */
class CapabilityRoutingTests {

	private static final Duration WAIT = Duration.ofSeconds(10);

	private static final String MODEL = "deepseek-ai/DeepSeek-V4-Pro";

	private static final Responses.Parameters STRUCTURED = new Responses.Parameters(null, null, null, null, null,
			null, Responses.TextConfig.jsonSchema("city", Map.of("type", "object")), null, null, null);

	private static final Responses.Parameters TOOLS = new Responses.Parameters(null, null, null, null,
			List.of(Responses.FunctionTool.function("weather", "Current weather", Map.of("type", "object"))), null,
			null, null, null, null);

	@RegisterExtension
	final MockServerFixture mock = new MockServerFixture();

	private final List<RecordedRequest> requests = new ArrayList<>();

	private volatile int catalogStatus = 200;

	private volatile String catalog;

	@BeforeEach
	void start() throws IOException {
		this.catalog = ModelCatalogTests.fixtureBody();
		this.mock.server().setDispatcher(new Dispatcher() {
			@Override
			public MockResponse dispatch(RecordedRequest request) {
				CapabilityRoutingTests.this.requests.add(request);
				if (request.getTarget().equals("/v1/models")) {
					return new MockResponse.Builder().code(CapabilityRoutingTests.this.catalogStatus)
						.addHeader("Content-Type", "application/json")
						.body((CapabilityRoutingTests.this.catalogStatus == 200) ? CapabilityRoutingTests.this.catalog
								: "{\"error\":\"down\"}")
						.build();
				}
				return new MockResponse.Builder().code(200)
					.addHeader("Content-Type", "application/json")
					.body("{\"id\":\"resp_1\",\"status\":\"completed\",\"output\":[]}")
					.build();
			}
		});
	}

	private String modelSent(String provider, Responses.Parameters parameters) {
		this.mock.client().call(Responses.TASK, ModelDefinition.of(MODEL, provider), Responses.Input.text("Hi"), parameters)
			.block(WAIT);
		RecordedRequest post = this.requests.stream()
			.filter((request) -> request.getMethod().equals("POST"))
			.reduce((first, second) -> second)
			.orElseThrow();
		assertThat(post.getTarget()).isEqualTo("/v1/responses");
		return JsonCodec.get().parse(post.getBody().toByteArray()).path("model").asString();
	}

	@Test
	void autoSendsStructuredOutputToTheFastestLiveProviderThatSupportsIt() {
		assertThat(modelSent("auto", STRUCTURED)).as("fireworks-ai: 45.4 tokens/s, novita lacks structured output")
			.isEqualTo(MODEL + ":fireworks-ai");
	}

	@Test
	void cheapestPolicyPicksTheLowestPublishedPriceAmongCapableProviders() {
		assertThat(modelSent("auto:cheapest", STRUCTURED)).as("deepinfra 1.74 + 3.48 < together 2.1 + 4.4")
			.isEqualTo(MODEL + ":deepinfra");
		assertThat(modelSent("auto:cheapest", TOOLS)).as("novita supports tools and is cheapest")
			.isEqualTo(MODEL + ":novita");
	}

	@Test
	void callNeedingNothingLeavesTheChoiceToTheRouterWithoutReadingTheCatalogue() {
		assertThat(modelSent("auto", null)).isEqualTo(MODEL);
		assertThat(this.requests).extracting(RecordedRequest::getTarget).containsExactly("/v1/responses");
	}

	@Test
	void explicitProviderLackingTheCapabilityIsRefusedBeforeSending() {
		this.mock.client().catalog().refresh().block(WAIT);
		this.requests.clear();

		assertThatExceptionOfType(HfUnsupportedProviderException.class)
			.isThrownBy(() -> modelSent("novita", STRUCTURED))
			.withMessageStartingWith("Provider 'novita' does not support structured output for model '" + MODEL + "' according "
					+ "to the router's catalogue; providers that do: fireworks-ai, together, deepinfra");
		assertThat(this.requests).isEmpty();
		assertThat(modelSent("together", STRUCTURED)).isEqualTo(MODEL + ":together");
	}

	@Test
	void failoverSkipsATargetLackingTheCapabilityWithoutWaiting() {
		this.mock.client().catalog().refresh().block(WAIT);
		this.requests.clear();
		ModelDefinition model = ModelDefinition.builder("deepseek")
			.id(MODEL)
			.target(new InferenceTarget.Router("novita"))
			.target(new InferenceTarget.Router("together"))
			.build();

		io.github.hfinference.core.InferenceResponse<ResponseOutput> response = this.mock.client().blocking()
			.execute(io.github.hfinference.core.InferenceRequest.of(Responses.TASK, model, Responses.Input.text("Hi"))
				.withParameters(STRUCTURED));

		assertThat(response.metadata().target()).isEqualTo("together");
		assertThat(response.metadata().attempts()).isEqualTo(2);
		assertThat(this.requests).hasSize(1);
		assertThat(JsonCodec.get().parse(this.requests.get(0).getBody().toByteArray()).path("model").asString())
			.isEqualTo(MODEL + ":together");
	}

	@Test
	void explicitProviderIsNotHeldUpByACatalogueNotFetchedYet() {
		assertThat(modelSent("novita", STRUCTURED)).isEqualTo(MODEL + ":novita");
		assertThat(this.requests).extracting(RecordedRequest::getTarget).containsExactly("/v1/responses");
	}

	@Test
	void noCapableProviderIsATypedErrorListingWhatTheCatalogueSays() {
		assertThatExceptionOfType(HfUnsupportedProviderException.class)
			.isThrownBy(() -> this.mock.client().call(Responses.TASK, ModelDefinition.of("openai/gpt-oss-120b"),
					Responses.Input.text("Hi"), STRUCTURED).block(WAIT))
			.withMessageStartingWith("No provider of model 'openai/gpt-oss-120b' supports structured output according to the "
					+ "router's catalogue (cerebras: live, tools=true, structured output=false; groq: error, "
					+ "tools=null, structured output=null)");
	}

	@Test
	void liveProviderThatDeclaresNeitherWayLeavesTheChoiceToTheRouter() {
		this.catalog = "{\"object\":\"list\",\"data\":[{\"id\":\"" + MODEL + "\",\"object\":\"model\","
				+ "\"providers\":[{\"provider\":\"featherless-ai\",\"status\":\"live\"},"
				+ "{\"provider\":\"novita\",\"status\":\"live\",\"supports_structured_output\":false}]}]}";

		assertThat(modelSent("auto", STRUCTURED)).isEqualTo(MODEL);
	}

	@Test
	void unreadableCatalogueLeavesTheChoiceToTheRouter() {
		this.catalogStatus = 500;

		assertThat(modelSent("auto", STRUCTURED)).isEqualTo(MODEL);
	}

	@Test
	void chatBodiesNeedToolsAndStructuredOutputWhenTheyAskForThem() {
		assertThat(Capability.requiredBy(json("{\"messages\":[],\"tools\":[{\"type\":\"function\"}]}")))
			.containsExactly(Capability.TOOLS);
		assertThat(Capability.requiredBy(json("{\"messages\":[],\"tools\":[],\"response_format\":"
				+ "{\"type\":\"json_schema\",\"json_schema\":{\"name\":\"x\",\"schema\":{}}}}")))
			.containsExactly(Capability.STRUCTURED_OUTPUT);
		assertThat(Capability.requiredBy(json("{\"messages\":[],\"response_format\":{\"type\":\"json_object\"}}")))
			.isEmpty();
		assertThat(Capability.requiredBy(new RequestPayload.Binary(new byte[0], "image/png"))).isEqualTo(Set.of());
	}

	private static RequestPayload json(String body) {
		return new RequestPayload.Json((ObjectNode) JsonCodec.get().parse(body.getBytes()));
	}

}
