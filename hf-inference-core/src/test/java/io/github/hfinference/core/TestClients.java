package io.github.hfinference.core;

import mockwebserver3.MockWebServer;

/**
 * Clients for tests against one mock server standing in for both the router and the Hub.
 */
public final class TestClients {

	private TestClients() {
	}

	/**
	 * A client with the fake token {@code hf_test} whose router and Hub are the mock server.
	 * @param server the started mock server
	 * @return the client
	 */
	public static HfInferenceClient against(MockWebServer server) {
		return HfInferenceClient.builder()
			.token("hf_test")
			.noTokenLookup()
			.baseUrl(server.url("/").uri())
			.hubUrl(server.url("/").uri())
			.build();
	}

}
