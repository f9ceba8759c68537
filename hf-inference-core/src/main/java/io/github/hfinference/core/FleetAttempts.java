package io.github.hfinference.core;

import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

import org.jspecify.annotations.Nullable;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Flux;

import io.github.hfinference.core.auth.HfToken;
import io.github.hfinference.core.fleet.FleetCoordination;
import io.github.hfinference.core.fleet.FleetCoordination.FleetAttempt;
import io.github.hfinference.core.internal.resilience.Attempt;
import io.github.hfinference.core.task.chat.ChatCompletion;
import io.github.hfinference.core.task.chat.ChatMessage;

/**
 * Hands each attempt to the client's {@link FleetCoordination}, described by the account
 * it is billed to (never the token) and, for chat, the tokens it may use. In-process
 * targets spend no account's quota and are left alone, as is everything with
 * {@link FleetCoordination#LOCAL}.
 */
final class FleetAttempts {

	/** Characters per token of the prompt estimate (the usual rule of thumb for English text). */
	private static final int CHARACTERS_PER_TOKEN = 4;

	private final FleetCoordination fleet;

	private final String account;

	FleetAttempts(FleetCoordination fleet, @Nullable HfToken token, @Nullable String billTo) {
		this.fleet = fleet;
		this.account = (billTo != null) ? "org:" + billTo : account(token);
	}

	FleetCoordination coordination() {
		return this.fleet;
	}

	<T> Publisher<T> around(ModelDefinition model, String task, Object input, @Nullable Object parameters,
			Attempt attempt, Publisher<T> call) {
		InferenceTarget target = attempt.target();
		if (this.fleet == FleetCoordination.LOCAL || target instanceof InferenceTarget.InProcess) {
			return call;
		}
		HfToken own = (target instanceof InferenceTarget.Endpoint endpoint) ? endpoint.token()
				: (target instanceof InferenceTarget.Gateway gateway) ? gateway.token() : null;
		String account = (own != null) ? account(own) : this.account;
		// A failure before the call was subscribed was the fleet's (a shared pause, the quota):
		// the target never saw the attempt, so its circuit must not count it.
		AtomicBoolean sent = new AtomicBoolean();
		Publisher<T> tracked = Flux.from(call).doOnSubscribe((subscription) -> sent.set(true));
		return Flux.from(this.fleet.around(new FleetAttempt(account, model.alias(), model.id(), target.name(), task,
				reservedTokens(input, parameters), attempt.timeout()), tracked)).doOnError((failure) -> {
					if (!sent.get()) {
						attempt.withheld();
					}
				});
	}

	/** For chat: {@code max_tokens} plus about one token per four characters of the messages. */
	static long reservedTokens(Object input, @Nullable Object parameters) {
		if (!(input instanceof List<?> messages) || messages.isEmpty()
				|| !(messages.get(0) instanceof ChatMessage)) {
			return 0;
		}
		long characters = 0;
		for (Object message : messages) {
			String content = ((ChatMessage) message).content();
			characters += (content != null) ? content.length() : 0;
		}
		long prompt = (characters + CHARACTERS_PER_TOKEN - 1) / CHARACTERS_PER_TOKEN;
		Integer maxTokens = (parameters instanceof ChatCompletion.Parameters chat) ? chat.maxTokens() : null;
		return prompt + ((maxTokens != null) ? maxTokens : 0);
	}

	private static String account(@Nullable HfToken token) {
		return (token != null) ? "token:" + token.fingerprint() : "anonymous";
	}

}
