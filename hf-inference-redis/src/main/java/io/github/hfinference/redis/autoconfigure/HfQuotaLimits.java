package io.github.hfinference.redis.autoconfigure;

/**
 * The limits of one quota: the account's default ({@code hf.inference.quota}), a
 * provider's or a model's.
 */
public class HfQuotaLimits {

	/**
	 * Requests per minute per account (0: no limit).
	 */
	private long requestsPerMinute;

	/**
	 * Chat tokens (prompt and generated) per minute per account (0: no limit).
	 */
	private long tokensPerMinute;

	public long getRequestsPerMinute() {
		return this.requestsPerMinute;
	}

	public void setRequestsPerMinute(long requestsPerMinute) {
		this.requestsPerMinute = requestsPerMinute;
	}

	public long getTokensPerMinute() {
		return this.tokensPerMinute;
	}

	public void setTokensPerMinute(long tokensPerMinute) {
		this.tokensPerMinute = tokensPerMinute;
	}

}
