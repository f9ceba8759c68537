package io.github.hfinference.redis.autoconfigure;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

import io.github.hfinference.redis.RedisFleetSettings.PauseMode;
import io.github.hfinference.redis.RedisFleetSettings.RedisFailureMode;

/**
 * How the instances of the application share state on Redis ({@code hf.inference.fleet}).
 */
@ConfigurationProperties(prefix = "hf.inference.fleet", ignoreUnknownFields = false)
public class HfFleetProperties {

	/**
	 * Whether instances share quota, pauses and circuits through Redis when a Redis
	 * connection ({@code spring.data.redis.*}) is configured.
	 */
	private boolean enabled = true;

	/**
	 * Prefix of every Redis key and channel used.
	 */
	private String keyPrefix = "hf:";

	/**
	 * Time one Redis round trip may take; beyond it the call goes on without Redis and the
	 * fleet health component is degraded.
	 */
	private Duration budget = Duration.ofMillis(50);

	/**
	 * What a call does while Redis is unreachable or slow: 'local' (this instance's own
	 * limiter and circuits) or 'fail' (reject the call at once).
	 */
	private RedisFailureMode onRedisFailure = RedisFailureMode.LOCAL;

	/**
	 * What a call does while its target is paused at a server's request: 'wait' until the
	 * pause ends (up to max-pause-wait) or 'fail' at once (failing over to the model's next
	 * target, if any).
	 */
	private PauseMode onPause = PauseMode.WAIT;

	/**
	 * Longest wait for a pause to end; a longer pause fails the attempt with a rate-limit
	 * error.
	 */
	private Duration maxPauseWait = Duration.ofSeconds(60);

	public boolean isEnabled() {
		return this.enabled;
	}

	public void setEnabled(boolean enabled) {
		this.enabled = enabled;
	}

	public String getKeyPrefix() {
		return this.keyPrefix;
	}

	public void setKeyPrefix(String keyPrefix) {
		this.keyPrefix = keyPrefix;
	}

	public Duration getBudget() {
		return this.budget;
	}

	public void setBudget(Duration budget) {
		this.budget = budget;
	}

	public RedisFailureMode getOnRedisFailure() {
		return this.onRedisFailure;
	}

	public void setOnRedisFailure(RedisFailureMode onRedisFailure) {
		this.onRedisFailure = onRedisFailure;
	}

	public PauseMode getOnPause() {
		return this.onPause;
	}

	public void setOnPause(PauseMode onPause) {
		this.onPause = onPause;
	}

	public Duration getMaxPauseWait() {
		return this.maxPauseWait;
	}

	public void setMaxPauseWait(Duration maxPauseWait) {
		this.maxPauseWait = maxPauseWait;
	}

}
