package io.github.hfinference.core.internal.routing;

import java.net.URI;
import java.util.function.Function;

import org.springframework.http.HttpHeaders;

import io.github.hfinference.core.internal.http.HttpCall;
import io.github.hfinference.core.internal.media.MediaProvider;

/**
 * Where one attempt goes, as {@link RequestRouter#route} decides it once per attempt: one
 * HTTP exchange, or a media job (submit, poll, fetch) on a provider that runs the task
 * that way.
 */
public sealed interface AttemptRoute {

	/**
	 * The request the attempt sends first.
	 * @return the HTTP call
	 */
	HttpCall call();

	/**
	 * One HTTP exchange: the answer is the response's body (or its event stream).
	 *
	 * @param call the call
	 */
	record Exchange(HttpCall call) implements AttemptRoute {
	}

	/**
	 * A media job ready to run.
	 *
	 * @param call the submission
	 * @param provider the provider's adapter
	 * @param credentials the headers for a status, result or download URL of this job
	 */
	record MediaJob(HttpCall call, MediaProvider provider, Function<URI, HttpHeaders> credentials)
			implements AttemptRoute {
	}

}
