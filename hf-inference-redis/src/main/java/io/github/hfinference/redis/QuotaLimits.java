package io.github.hfinference.redis;

/**
 * The limits of one quota: requests per minute and, for chat, tokens per minute; 0 leaves
 * a dimension unlimited.
 *
 * @param requestsPerMinute requests per minute, 0 for no limit
 * @param tokensPerMinute chat tokens (prompt and generated) per minute, 0 for no limit
 */
public record QuotaLimits(long requestsPerMinute, long tokensPerMinute) {

	/** No limit. */
	public static final QuotaLimits UNLIMITED = new QuotaLimits(0, 0);

	public QuotaLimits {
		if (requestsPerMinute < 0 || tokensPerMinute < 0) {
			throw new IllegalArgumentException("Quota limits must not be negative");
		}
	}

	/** Whether any dimension is limited. */
	public boolean isLimited() {
		return this.requestsPerMinute > 0 || this.tokensPerMinute > 0;
	}

}
