package io.github.hfinference.samples.web;

import java.time.Duration;
import java.util.List;

import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import io.github.hfinference.core.task.TextClassification;
import io.github.hfinference.test.AutoConfigureHfInferenceStub;
import io.github.hfinference.test.HfInferenceStub;

import static io.github.hfinference.test.HfAnswers.label;
import static io.github.hfinference.test.HfInferenceAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The README's "Testing your application" example: an {@code @HfModel} interface of the
 * sample tested against the stub, retried through a 429.
 */
@SpringBootTest
@AutoConfigureHfInferenceStub
class SentimentClientTests {

	static final String MODEL = "distilbert/distilbert-base-uncased-finetuned-sst-2-english";

	@Autowired HfInferenceStub stub;

	@Autowired SentimentClient sentiment; // @HfModel("sentiment"), configured in application.yml

	@Autowired MeterRegistry meters;

	@Test
	void aRateLimitIsRetriedAndTheLabelsComeBack() {
		stub.model(MODEL).task(TextClassification.TASK)
			.fails(429).retryAfter(Duration.ZERO)
			.thenAnswers(List.of(label("POSITIVE", 0.98)));

		assertThat(sentiment.classify("I love it").block(Duration.ofSeconds(10)))
			.containsExactly(label("POSITIVE", 0.98));
		assertThat(stub).receivedCalls(MODEL).hasSize(2)
			.last().hasBodyJson("{\"inputs\":\"I love it\"}").hasBearerToken("hf_test");
		assertThat(meters).hasInferenceCall("sentiment").withOutcome("SUCCESS").times(1);
	}

}
