package io.github.hfinference.core.internal.media;

import java.net.URI;

import org.springframework.http.HttpMethod;
import tools.jackson.databind.JsonNode;

/**
 * What one provider contributes to media generation: which tasks it serves, how a job is
 * submitted, and how its JSON answers read. Polling, backoff, deadlines, downloads and
 * credentials are handled once, by {@link MediaJobRunner}.
 */
public interface MediaProvider {

	/** The provider's name, as in the router path and the Hub mapping. */
	String name();

	/**
	 * Whether this provider can generate media for a task through this client.
	 * @param taskId the task id
	 * @return true if supported
	 */
	boolean supports(String taskId);

	/**
	 * Where and how a task's job is submitted, for the provider table: the path below the
	 * provider's router prefix ({@code {id}} stands for the provider-side model id) and,
	 * when the job is polled, how.
	 * @param taskId a task this provider supports
	 * @return the description
	 */
	String route(String taskId);

	/**
	 * Builds the submission of a job.
	 * @param request the request
	 * @param model the provider-side model id ({@code providerId} from the Hub mapping, or
	 * the gateway's model name)
	 * @return the submission
	 */
	Submission submit(MediaRequest request, String model);

	/**
	 * Reads any JSON answer of this provider about a job (submission, status, result).
	 * @param answer the JSON body
	 * @return the job state it describes
	 */
	JobState read(JsonNode answer);

	/**
	 * The URL to poll for a status URL the provider named; by default that URL itself.
	 * Providers whose answers name their own API host are polled through the router.
	 * @param named the URL the provider named
	 * @param submitted the URL the job was submitted to
	 * @return the URL to poll
	 */
	default URI pollUrl(URI named, URI submitted) {
		return named;
	}

	/**
	 * The HTTP method of this provider's cancel requests (to {@link JobState.Running#cancelUrl()}).
	 * @return the method, {@code POST} by default
	 */
	default HttpMethod cancelMethod() {
		return HttpMethod.POST;
	}

}
