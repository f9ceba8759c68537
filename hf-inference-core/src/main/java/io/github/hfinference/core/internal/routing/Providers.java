package io.github.hfinference.core.internal.routing;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import org.jspecify.annotations.Nullable;

import io.github.hfinference.core.error.HfUnsupportedProviderException;
import io.github.hfinference.core.internal.media.MediaProvider;
import io.github.hfinference.core.internal.media.MediaProviders;
import io.github.hfinference.core.task.Task;
import io.github.hfinference.core.task.Task.TaskRoute;
import io.github.hfinference.core.task.Tasks;

/**
 * The one table of the providers behind the Hugging Face router and what each serves
 * through this client: per task, the request style and the route below
 * {@code https://router.huggingface.co/{provider}}. The provider names are those of the
 * official clients ({@code @huggingface/inference} 4.13, {@code huggingface_hub} 1.28);
 * a name outside it, or one the router no longer serves ({@link #REMOVED}), is refused
 * with {@link HfUnsupportedProviderException} before anything is sent, and so is a task a
 * provider does not serve.
 */
public final class Providers {

	/** The router picks: server-side for chat, first Hub mapping entry otherwise. */
	public static final String AUTO = "auto";

	/** Hugging Face's own serverless provider. */
	public static final String HF_INFERENCE = "hf-inference";

	/** Chat policies accepted as a {@code :suffix} of the model id on the auto-router. */
	public static final Set<String> CHAT_POLICIES = Set.of("fastest", "cheapest", "preferred");

	/** Providers the router no longer serves (dropped from both official clients in 2026). */
	public static final Set<String> REMOVED = Set.of("black-forest-labs", "clarifai", "hyperbolic", "nebius",
			"nvidia", "sambanova");

	/** Tasks hf-inference does not serve (the official clients refuse them before sending). */
	private static final Set<String> NOT_ON_HF_INFERENCE = Set.of("text-to-video", "image-to-video",
			"image-text-to-image", "image-text-to-video");

	private static final String CHAT = "chat-completion";

	private static final String RESPONSES = "responses";

	/** The OpenAI chat-completions route of each provider serving chat through the router. */
	private static final Map<String, String> CHAT_PATHS = Map.ofEntries(Map.entry("baseten", "/v1/chat/completions"),
			Map.entry("cerebras", "/v1/chat/completions"), Map.entry("cohere", "/compatibility/v1/chat/completions"),
			Map.entry("deepinfra", "/v1/openai/chat/completions"),
			Map.entry("featherless-ai", "/v1/chat/completions"),
			Map.entry("fireworks-ai", "/inference/v1/chat/completions"),
			Map.entry("groq", "/openai/v1/chat/completions"), Map.entry("novita", "/v3/openai/chat/completions"),
			Map.entry("nscale", "/v1/chat/completions"), Map.entry("ovhcloud", "/v1/chat/completions"),
			Map.entry("publicai", "/v1/chat/completions"), Map.entry("scaleway", "/v1/chat/completions"),
			Map.entry("together", "/v1/chat/completions"), Map.entry("zai-org", "/api/paas/v4/chat/completions"));

	/** The 19 providers of the official clients. */
	private static final List<String> NAMES = List.of("baseten", "cerebras", "cohere", "deepinfra", "fal-ai",
			"featherless-ai", "fireworks-ai", "groq", HF_INFERENCE, "novita", "nscale", "openai", "ovhcloud",
			"publicai", "replicate", "scaleway", "together", "wavespeed", "zai-org");

	private static final Map<String, Provider> TABLE = table();

	private Providers() {
	}

	/**
	 * How a provider is called for a task.
	 */
	public enum Style {

		/** The task's Hugging Face payload, posted to the model's route ({@code /models/{id}}). */
		HF_INFERENCE("Hugging Face task payload"),

		/** An OpenAI chat-completions body whose {@code model} is the provider-side id. */
		OPENAI_CHAT("OpenAI chat completions"),

		/**
		 * The router's Responses API: {@code POST /v1/responses} with {@code model}
		 * {@code {hf-id}:{provider}}, the router picking the provider's route.
		 */
		OPENAI_RESPONSES("OpenAI Responses API"),

		/** A media job: submitted, polled with back-off, then downloaded. */
		MEDIA_JOB("media job"),

		/**
		 * Not through the router: the provider's own API with the provider's own key
		 * (configure a URL target with its token).
		 */
		OWN_KEY("own key, not through the router");

		private final String description;

		Style(String description) {
			this.description = description;
		}

		/** A short description for tables and messages. */
		public String description() {
			return this.description;
		}

	}

	/**
	 * What a provider serves for one task.
	 *
	 * @param task the task id
	 * @param style how the request is made
	 * @param path the route below {@code {router}/{provider}} ({@code {id}} is the
	 * provider-side model id), or the provider's own URL for {@link Style#OWN_KEY}
	 */
	public record Route(String task, Style style, String path) {
	}

	/**
	 * One provider and the tasks it serves through this client.
	 *
	 * @param name the provider name, as in the router path and the Hub mapping
	 * @param routes its routes, one per task, in task order
	 */
	public record Provider(String name, List<Route> routes) {

		/**
		 * The route of a task.
		 * @param taskId the task id
		 * @return the route, if the provider serves the task
		 */
		public Optional<Route> route(String taskId) {
			return this.routes.stream().filter((route) -> route.task().equals(taskId)).findFirst();
		}

	}

	/**
	 * Every current provider with its routes, by name.
	 * @return the table, sorted by provider name
	 */
	public static List<Provider> all() {
		return List.copyOf(TABLE.values());
	}

	/**
	 * Whether the name is a current provider, {@code auto}, or {@code auto:<policy>}.
	 * @param name the provider name
	 * @return true if known
	 */
	public static boolean isKnown(String name) {
		return AUTO.equals(name) || TABLE.containsKey(name)
				|| (name.startsWith(AUTO + ":") && isPolicy(name.substring(AUTO.length() + 1)));
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
	 * The route of a task on a provider.
	 * @param provider the provider
	 * @param taskId the task id
	 * @return the route, if the provider serves the task through this client
	 */
	public static Optional<Route> route(String provider, String taskId) {
		Provider entry = TABLE.get(provider);
		return (entry != null) ? entry.route(taskId) : Optional.empty();
	}

	/**
	 * Whether a provider serves a task through the router with this client.
	 * @param provider the provider
	 * @param taskId the task id
	 * @return true when a request can be routed
	 */
	public static boolean serves(String provider, String taskId) {
		return route(provider, taskId).filter((route) -> route.style() != Style.OWN_KEY).isPresent();
	}

	/**
	 * The providers serving a task through the router with this client.
	 * @param taskId the task id
	 * @return their names, sorted
	 */
	public static List<String> serving(String taskId) {
		return TABLE.keySet().stream().filter((name) -> serves(name, taskId)).toList();
	}

	/**
	 * The chat-completions path of a third-party provider behind the router.
	 * @param provider the provider
	 * @return the path after {@code /{provider}}, if the provider serves chat
	 */
	public static Optional<String> chatPath(String provider) {
		return Optional.ofNullable(CHAT_PATHS.get(provider));
	}

	/** Every current provider name, besides {@code auto}, sorted. */
	public static Set<String> names() {
		return new TreeSet<>(TABLE.keySet());
	}

	/**
	 * Checks that a provider name is current.
	 * @param name the provider name
	 * @throws HfUnsupportedProviderException naming the current providers when it is not
	 */
	public static void requireKnown(String name) {
		if (!isKnown(name)) {
			throw new HfUnsupportedProviderException(unknownMessage(name), name, null, List.copyOf(names()));
		}
	}

	/**
	 * Why a provider name is not accepted, with the current providers.
	 * @param name the provider name
	 * @return the message
	 */
	public static String unknownMessage(String name) {
		String why = REMOVED.contains(name) ? "is no longer served by the Hugging Face router"
				: "is not a provider of the Hugging Face router";
		return "Provider '" + escape(name) + "' " + why + "; current providers: auto, " + String.join(", ", names());
	}

	/**
	 * Checks that a provider serves a task through the router, before anything is sent.
	 * @param provider the provider (not {@code auto})
	 * @param taskId the task id
	 * @throws HfUnsupportedProviderException naming the providers that serve the task
	 */
	public static void requireServes(String provider, String taskId) {
		Optional<Route> route = route(provider, taskId);
		if (route.isPresent() && route.get().style() == Style.OWN_KEY) {
			throw new HfUnsupportedProviderException("Provider '" + provider + "' is not served through the Hugging "
					+ "Face router: it takes its own key at " + route.get().path() + "; configure a url target with "
					+ "protocol openai and that key instead", provider, taskId, serving(taskId));
		}
		if (route.isEmpty()) {
			List<String> serving = serving(taskId);
			throw new HfUnsupportedProviderException("Provider '" + escape(provider) + "' does not serve task '"
					+ escape(taskId) + "'; " + (serving.isEmpty() ? "no provider serves it through the router"
							: "providers that do: " + String.join(", ", serving)),
					provider, taskId, serving);
		}
	}

	private static Map<String, Provider> table() {
		Map<String, Provider> table = new LinkedHashMap<>();
		List<String> taskIds = new ArrayList<>(Tasks.ids());
		taskIds.sort(null);
		for (String name : NAMES) {
			List<Route> routes = new ArrayList<>();
			for (String taskId : taskIds) {
				Route route = routeOf(name, taskId);
				if (route != null) {
					routes.add(route);
				}
			}
			table.put(name, new Provider(name, List.copyOf(routes)));
		}
		return java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(table));
	}

	private static @Nullable Route routeOf(String provider, String taskId) {
		if (taskId.equals(RESPONSES)) {
			return (provider.equals(HF_INFERENCE) || CHAT_PATHS.containsKey(provider))
					? new Route(RESPONSES, Style.OPENAI_RESPONSES, "router /v1/responses, model {hf-id}:" + provider)
					: null;
		}
		if (provider.equals(HF_INFERENCE)) {
			if (NOT_ON_HF_INFERENCE.contains(taskId)) {
				return null;
			}
			Task<?, ?, ?> task = Tasks.byId(taskId).orElseThrow();
			String path = "/models/{id}" + switch (task.route()) {
				case MODEL -> "";
				case PIPELINE -> "/pipeline/" + taskId;
				case CHAT_COMPLETIONS, RESPONSES -> "/v1/chat/completions";
			};
			return new Route(taskId, (task.route() == TaskRoute.CHAT_COMPLETIONS) ? Style.OPENAI_CHAT
					: Style.HF_INFERENCE, path);
		}
		if (taskId.equals(CHAT) && provider.equals("openai")) {
			return new Route(CHAT, Style.OWN_KEY, "https://api.openai.com/v1/chat/completions");
		}
		if (taskId.equals(CHAT) && CHAT_PATHS.containsKey(provider)) {
			return new Route(CHAT, Style.OPENAI_CHAT, CHAT_PATHS.get(provider));
		}
		Optional<MediaProvider> media = MediaProviders.forRouter(provider, taskId);
		return media.map((adapter) -> new Route(taskId, Style.MEDIA_JOB, adapter.route(taskId))).orElse(null);
	}

	/** The value with control characters escaped, for messages. */
	static String escape(String value) {
		StringBuilder escaped = new StringBuilder(value.length());
		value.codePoints().forEach((c) -> {
			if (Character.isISOControl(c)) {
				escaped.append(String.format("\\u%04x", c));
			}
			else {
				escaped.appendCodePoint(c);
			}
		});
		return escaped.toString();
	}

}
