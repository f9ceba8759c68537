package io.github.hfinference.core.fleet;

import java.time.Duration;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * One attempt of a call as the fleet sees it: whose quota it spends, where it goes and how
 * many tokens it may use. Never carries the token itself.
 *
 * @param account the account the call is billed to: {@code org:<name>} for a
 * {@code bill-to} organisation, {@code token:<SHA-256 of the token, hex>} otherwise, or
 * {@code anonymous} without a token
 * @param model the model alias
 * @param modelId the Hugging Face model id, or null for an endpoint-only model
 * @param target the target's name (the provider behind the router, or an endpoint's name)
 * @param task the task id ({@code chat-completion}, {@code feature-extraction}, ...)
 * @param reservedTokens for chat, the tokens the call may use ({@code max_tokens} plus an
 * estimate of the prompt), reserved before it is sent; 0 otherwise
 * @param timeout the time allowed for the attempt, or null for none: a wait before
 * sending should not exceed it
 */
public record FleetAttempt(String account, String model, @Nullable String modelId, String target, String task,
		long reservedTokens, @Nullable Duration timeout) {

	public FleetAttempt {
		Objects.requireNonNull(account, "account");
		Objects.requireNonNull(model, "model");
		Objects.requireNonNull(target, "target");
		Objects.requireNonNull(task, "task");
	}

}
