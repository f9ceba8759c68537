package io.github.hfinference.core.internal.media;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The media providers this client knows behind the router, and gateway adapters.
 */
public final class MediaProviders {

	private static final Map<String, MediaProvider> ROUTER = List
		.of(new FalAi(), new Replicate(), new Wavespeed(), OpenAiCompatible.routerProvider("together", "base64"))
		.stream()
		.collect(Collectors.toUnmodifiableMap(MediaProvider::name, Function.identity()));

	private MediaProviders() {
	}

	/**
	 * The adapter of a router provider for a task.
	 * @param provider the provider name
	 * @param taskId the task id
	 * @return the adapter, if this client can generate that task's media through that provider
	 */
	public static Optional<MediaProvider> forRouter(String provider, String taskId) {
		return Optional.ofNullable(ROUTER.get(provider)).filter((adapter) -> adapter.supports(taskId));
	}

	/**
	 * The adapter of an OpenAI-compatible gateway.
	 * @param name the gateway's name
	 * @param url the gateway's base URL
	 * @return the adapter
	 */
	public static MediaProvider forGateway(String name, URI url) {
		return OpenAiCompatible.gateway(name, url);
	}

	/**
	 * Whether a task is a media-generation task that gateways can serve.
	 * @param taskId the task id
	 * @return true for image and video generation
	 */
	public static boolean isMediaTask(String taskId) {
		return taskId.equals("text-to-image") || taskId.equals("image-to-image") || taskId.endsWith("-to-video");
	}

}
