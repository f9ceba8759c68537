package io.github.hfinference.core;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.github.hfinference.core.auth.HfToken;
import io.github.hfinference.core.task.chat.ChatCompletion;
import io.github.hfinference.core.task.chat.ChatMessage;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the fleet is told about an attempt: tokens reserved for chat, and an account that
 * names the token without revealing it.
 */
class FleetAttemptsTests {

	@Test
	void chatReservesMaxTokensPlusAQuarterTokenPerCharacterOfTheMessages() {
		List<ChatMessage> messages = List.of(ChatMessage.system("Be brief."), ChatMessage.user("Hello there"));
		ChatCompletion.Parameters parameters = ChatCompletion.Parameters.builder().maxTokens(100).build();
		// 9 + 11 characters: 5 tokens
		assertThat(FleetAttempts.reservedTokens(messages, parameters)).isEqualTo(105);
		assertThat(FleetAttempts.reservedTokens(messages, null)).isEqualTo(5);
	}

	@Test
	void otherTasksReserveNoTokens() {
		assertThat(FleetAttempts.reservedTokens("I like you", null)).isZero();
		assertThat(FleetAttempts.reservedTokens(List.of("a", "b"), null)).isZero();
	}

	@Test
	void theFingerprintOfATokenIsItsSha256AndNeverContainsIt() {
		HfToken token = HfToken.of("hf_testFingerprint", "test");
		assertThat(token.fingerprint()).hasSize(64).matches("[0-9a-f]+").doesNotContain("testFingerprint");
		assertThat(token.fingerprint()).isEqualTo(HfToken.of("hf_testFingerprint", "elsewhere").fingerprint());
		assertThat(token.fingerprint()).isNotEqualTo(HfToken.of("hf_testOther", "test").fingerprint());
	}

}
