package io.github.hfinference.core;

import java.io.IOException;

import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

import io.github.hfinference.core.internal.resilience.FastForwardScheduler;
import io.github.hfinference.core.internal.resilience.RecordingListener;

/**
 * What the resilience tests over real HTTP share: two mock servers to serve as a
 * model's targets, a fast-forward clock, a listener recording resilience events, and a
 * client using both.
 */
abstract class TwoTargetResilienceTests {

	protected final MockWebServer primary = new MockWebServer();

	protected final MockWebServer secondary = new MockWebServer();

	protected final FastForwardScheduler clock = new FastForwardScheduler();

	protected final RecordingListener listener = new RecordingListener();

	protected HfInferenceClient client;

	@BeforeEach
	void startServersAndClient() throws IOException {
		this.primary.start();
		this.secondary.start();
		this.client = HfInferenceClient.builder()
			.noTokenLookup()
			.scheduler(this.clock)
			.resilienceListener(this.listener)
			.build();
	}

	@AfterEach
	void stopServersAndClock() {
		this.primary.close();
		this.secondary.close();
		this.clock.dispose();
	}

}
