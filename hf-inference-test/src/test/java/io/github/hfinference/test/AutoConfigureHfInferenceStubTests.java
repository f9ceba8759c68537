package io.github.hfinference.test;

import java.util.List;

import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.test.context.junit.jupiter.SpringJUnitConfig;

import io.github.hfinference.core.task.TextClassification;

import static io.github.hfinference.test.HfAnswers.label;
import static io.github.hfinference.test.StubClients.TIMEOUT;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * One annotation starts a stub for a Spring test context, points the starter's properties
 * at it, makes it injectable, and clears it before each test.
 */
@SpringJUnitConfig(AutoConfigureHfInferenceStubTests.NoBeans.class)
@AutoConfigureHfInferenceStub(token = "hf_custom")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AutoConfigureHfInferenceStubTests {

	@Autowired
	private HfInferenceStub stub;

	@Autowired
	private Environment environment;

	@Test
	@Order(1)
	void theStarterPropertiesPointAtTheInjectedStub() {
		assertThat(this.environment.getProperty("hf.inference.base-url")).isEqualTo(this.stub.baseUrl().toString());
		assertThat(this.environment.getProperty("hf.inference.hub-url")).isEqualTo(this.stub.hubUrl().toString());
		assertThat(this.environment.getProperty("hf.inference.token")).isEqualTo("hf_custom");
		this.stub.model("org/m").task(TextClassification.TASK).answers(List.of(label("A", 1)));
		StubClients.client(this.stub).call(TextClassification.TASK, "org/m", "x").block(TIMEOUT);
		assertThat(this.stub.calls("org/m")).hasSize(1);
	}

	@Test
	@Order(2)
	void eachTestStartsWithoutTheScriptsAndCallsOfTheOnesBefore() {
		assertThat(this.stub.calls()).isEmpty();
		assertThat(this.stub.model("org/m").scriptedTasks()).isNull();
	}

	@Configuration(proxyBeanMethods = false)
	static class NoBeans {

	}

}
