package io.github.hfinference.core;

/**
 * The {@code User-Agent} this library sends: its name and version, and the Java version.
 */
final class UserAgent {

	static final String VALUE = "hf-inference-java/" + version() + "; java/" + System.getProperty("java.version");

	private UserAgent() {
	}

	private static String version() {
		String version = UserAgent.class.getPackage().getImplementationVersion();
		return (version != null) ? version : "dev";
	}

}
