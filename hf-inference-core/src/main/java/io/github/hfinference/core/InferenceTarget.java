package io.github.hfinference.core;

import java.net.URI;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

import io.github.hfinference.core.auth.HfToken;
import io.github.hfinference.core.internal.routing.HubIds;
import io.github.hfinference.core.internal.routing.Providers;

/**
 * Where a model's calls can go: a provider behind the Hugging Face router, a URL (a
 * dedicated Inference Endpoint, a TGI or TEI server, an OpenAI-compatible gateway), or a
 * provider running in this process.
 */
public sealed interface InferenceTarget {

	/** A short name for logs, metrics and results ({@code hf-inference}, {@code together}, an endpoint's name). */
	String name();

	/**
	 * A provider behind the router ({@code https://router.huggingface.co}).
	 * <p>
	 * {@code auto} lets the router choose (chat) or takes the first provider of the model's
	 * Hub mapping (other tasks). The provider name may carry a policy for chat
	 * ({@code fastest}, {@code cheapest}, {@code preferred}).
	 *
	 * @param provider the provider name ({@code auto}, {@code hf-inference}, {@code together}, ...)
	 */
	record Router(String provider) implements InferenceTarget {

		/** The router choosing for itself. */
		public static final Router AUTO = new Router(Providers.AUTO);

		/**
		 * Creates a router target.
		 * @throws io.github.hfinference.core.error.HfUnsupportedProviderException if the
		 * provider is unknown or no longer served by the router, naming the current ones
		 */
		public Router {
			HubIds.requireProvider(provider, "provider");
			Providers.requireKnown(provider);
		}

		@Override
		public String name() {
			return this.provider;
		}

	}

	/**
	 * A URL used verbatim: task payloads are posted to it unchanged, chat goes to
	 * {@code {url}/v1/chat/completions} (or {@code /chat/completions} if it ends in
	 * {@code /v1}).
	 *
	 * @param name the endpoint's name
	 * @param url the base URL
	 * @param token the endpoint's own credentials; null to send the Hugging Face token
	 * only if {@code sendHfToken} is set or the host is a Hugging Face host
	 * @param sendHfToken whether the client's Hugging Face token may be sent to this URL
	 */
	record Endpoint(String name, URI url, @Nullable HfToken token, boolean sendHfToken) implements InferenceTarget {

		public Endpoint {
			Objects.requireNonNull(name, "name");
			Objects.requireNonNull(url, "url");
		}

		/**
		 * An endpoint named after its host, with no credentials of its own.
		 * @param url the base URL
		 * @return the endpoint
		 */
		public static Endpoint of(URI url) {
			return new Endpoint(url.getHost(), url, null, false);
		}

		@Override
		public String toString() {
			return "Endpoint[name=" + this.name + ", url=" + this.url + ", token=" + (this.token != null ? "****" : "none")
					+ ", sendHfToken=" + this.sendHfToken + "]";
		}

	}

	/**
	 * An OpenAI-compatible gateway that picks the provider itself: image generation goes to
	 * {@code {url}/v1/images/generations} and video generation to
	 * {@code {url}/v1/videos/generations} (without the extra {@code /v1} if the URL already
	 * ends with it), chat to {@code {url}/v1/chat/completions}; the body's {@code model} is
	 * the model's id.
	 *
	 * @param name the gateway's name
	 * @param url the gateway's base URL
	 * @param token the gateway's own credentials, or null
	 * @param sendHfToken whether the client's Hugging Face token may be sent to the gateway
	 * when it has no credentials of its own
	 */
	record Gateway(String name, URI url, @Nullable HfToken token, boolean sendHfToken) implements InferenceTarget {

		public Gateway {
			Objects.requireNonNull(name, "name");
			Objects.requireNonNull(url, "url");
		}

		@Override
		public String toString() {
			return "Gateway[name=" + this.name + ", url=" + this.url + ", token=" + (this.token != null ? "****" : "none")
					+ ", sendHfToken=" + this.sendHfToken + "]";
		}

	}

	/**
	 * A provider running inside this JVM, such as {@code local}.
	 *
	 * @param provider the provider name
	 */
	record InProcess(String provider) implements InferenceTarget {

		public InProcess {
		}

		@Override
		public String name() {
			return this.provider;
		}

	}

}
