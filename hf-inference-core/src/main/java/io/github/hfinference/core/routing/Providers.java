package io.github.hfinference.core.routing;

import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The providers the router serves and how each one addresses chat completions.
 */
public final class Providers {

	/** The router picks: server-side for chat, first Hub mapping entry otherwise. */
	public static final String AUTO = "auto";

	/** Hugging Face's own serverless provider. */
	public static final String HF_INFERENCE = "hf-inference";

	/** Chat policies accepted as a {@code :suffix} of the model id on the auto-router. */
	public static final Set<String> CHAT_POLICIES = Set.of("fastest", "cheapest", "preferred");

	private static final Map<String, String> CHAT_PATHS = Map.ofEntries(Map.entry("baseten", "/v1/chat/completions"),
			Map.entry("cerebras", "/v1/chat/completions"), Map.entry("cohere", "/compatibility/v1/chat/completions"),
			Map.entry("deepinfra", "/v1/openai/chat/completions"),
			Map.entry("featherless-ai", "/v1/chat/completions"),
			Map.entry("fireworks-ai", "/inference/v1/chat/completions"),
			Map.entry("groq", "/openai/v1/chat/completions"), Map.entry("hyperbolic", "/v1/chat/completions"),
			Map.entry("nebius", "/v1/chat/completions"), Map.entry("novita", "/v3/openai/chat/completions"),
			Map.entry("nscale", "/v1/chat/completions"), Map.entry("ovhcloud", "/v1/chat/completions"),
			Map.entry("publicai", "/v1/chat/completions"), Map.entry("sambanova", "/v1/chat/completions"),
			Map.entry("scaleway", "/v1/chat/completions"), Map.entry("together", "/v1/chat/completions"),
			Map.entry("zai-org", "/api/paas/v4/chat/completions"));

	private static final Set<String> OTHER_PROVIDERS = Set.of("fal-ai", "replicate", "wavespeed", "black-forest-labs");

	private Providers() {
	}

	/**
	 * Whether the name is a provider the router knows, {@code auto}, or
	 * {@code auto:<policy>}.
	 * @param name the provider name
	 * @return true if known
	 */
	public static boolean isKnown(String name) {
		return AUTO.equals(name) || HF_INFERENCE.equals(name) || CHAT_PATHS.containsKey(name)
				|| OTHER_PROVIDERS.contains(name) || (name.startsWith(AUTO + ":") && isPolicy(name.substring(5)));
	}

	/**
	 * Whether the name is a chat routing policy.
	 * @param name the policy
	 * @return true for fastest, cheapest or preferred
	 */
	public static boolean isPolicy(String name) {
		return CHAT_POLICIES.contains(name);
	}

	/**
	 * The chat-completions path of a third-party provider behind the router.
	 * @param provider the provider
	 * @return the path after {@code /{provider}}, if the provider serves chat
	 */
	public static Optional<String> chatPath(String provider) {
		return Optional.ofNullable(CHAT_PATHS.get(provider));
	}

	/** Every provider name the router is known to serve, besides {@code auto}. */
	public static Set<String> names() {
		java.util.TreeSet<String> names = new java.util.TreeSet<>(CHAT_PATHS.keySet());
		names.addAll(OTHER_PROVIDERS);
		names.add(HF_INFERENCE);
		return names;
	}

}
