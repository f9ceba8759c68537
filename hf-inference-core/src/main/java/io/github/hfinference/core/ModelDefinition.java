package io.github.hfinference.core;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

import io.github.hfinference.core.chat.ChatSettings;
import io.github.hfinference.core.error.HfConfigurationException;
import io.github.hfinference.core.internal.routing.HubIds;

/**
 * A model as the application knows it: an alias, the Hugging Face model id, an optional
 * pinned revision and the ordered targets that can serve it.
 */
public final class ModelDefinition {

	private final String alias;

	private final @Nullable String id;

	private final @Nullable String revision;

	private final List<InferenceTarget> targets;

	private final List<Integer> weights;

	private final ResiliencePolicy policy;

	private final @Nullable Duration timeout;

	private final RevisionMismatchAction revisionMismatch;

	private final BatchingSettings batching;

	private final ChatSettings chat;

	private ModelDefinition(Builder builder) {
		this.alias = Objects.requireNonNull(builder.alias, "alias");
		this.id = builder.id;
		this.revision = builder.revision;
		this.targets = List.copyOf(builder.targets);
		this.weights = List.copyOf(builder.weights);
		this.policy = builder.policy;
		this.timeout = builder.timeout;
		this.revisionMismatch = builder.revisionMismatch;
		this.batching = builder.batching;
		this.chat = builder.chat;
		if (this.timeout != null && (this.timeout.isZero() || this.timeout.isNegative())) {
			throw new HfConfigurationException(
					"Model '" + this.alias + "' has a timeout that is not positive: " + this.timeout);
		}
		if (this.targets.isEmpty()) {
			throw new HfConfigurationException("Model '" + this.alias + "' has no target");
		}
		if (this.id == null && this.targets.stream().anyMatch(InferenceTarget.Router.class::isInstance)) {
			throw new HfConfigurationException(
					"Model '" + this.alias + "' is served through the router and needs a model id");
		}
		if (this.revision != null) {
			HubIds.requireRevision(this.revision, "revision of model " + HubIds.quote(this.alias));
		}
		if (this.id != null && this.targets.stream().anyMatch(InferenceTarget.Router.class::isInstance)) {
			HubIds.requireModelId(this.id, "id of model " + HubIds.quote(this.alias));
		}
	}

	/**
	 * Whether a revision is well formed: a commit sha or a branch or tag name.
	 * @param revision the revision
	 * @return true if it can be pinned
	 */
	public static boolean isValidRevision(String revision) {
		return HubIds.revisionProblem(revision) == null;
	}

	/**
	 * A model served through the router with provider {@code auto}.
	 * @param id the Hugging Face model id
	 * @return the definition, aliased by its id
	 */
	public static ModelDefinition of(String id) {
		return builder(id).id(id).target(InferenceTarget.Router.AUTO).build();
	}

	/**
	 * A model served through the router by one named provider, in one line.
	 * @param id the Hugging Face model id
	 * @param provider the provider ({@code fal-ai}, {@code together}, {@code hf-inference}, ...,
	 * or {@code auto})
	 * @return the definition, aliased by its id
	 * @throws io.github.hfinference.core.error.HfUnsupportedProviderException if the provider
	 * is unknown or no longer served, naming the current ones
	 */
	public static ModelDefinition of(String id, String provider) {
		return builder(id).id(id).target(new InferenceTarget.Router(provider)).build();
	}

	/**
	 * Starts a definition.
	 * @param alias the name the application uses for the model
	 * @return a builder
	 */
	public static Builder builder(String alias) {
		return new Builder(alias);
	}

	/** The application's name for this model. */
	public String alias() {
		return this.alias;
	}

	/** The Hugging Face model id ({@code org/name}), or null for an endpoint-only model. */
	public @Nullable String id() {
		return this.id;
	}

	/** The pinned revision, or null. */
	public @Nullable String revision() {
		return this.revision;
	}

	/** The targets, in priority order. */
	public List<InferenceTarget> targets() {
		return this.targets;
	}

	/**
	 * The weight of a target for {@link io.github.hfinference.core.ResiliencePolicy.LoadBalancing#WEIGHTED} balancing.
	 * @param index the target's index in {@link #targets()}
	 * @return its weight (1 unless set)
	 */
	public int weight(int index) {
		return this.weights.get(index);
	}

	/** The resilience policy (retry, balancing, circuit breakers, admission). */
	public ResiliencePolicy policy() {
		return this.policy;
	}

	/** The time allowed for one attempt, or null to use the client's default. */
	public @Nullable Duration timeout() {
		return this.timeout;
	}

	/** What to do when a server reports another revision than the pinned one. */
	public RevisionMismatchAction revisionMismatch() {
		return this.revisionMismatch;
	}

	/** Whether and how concurrent single calls are coalesced into batch requests (off by default). */
	public BatchingSettings batching() {
		return this.batching;
	}

	/** How chat calls to this model behave; {@link ChatSettings#defaults()} unless set. */
	public ChatSettings chat() {
		return this.chat;
	}

	/** What to call the model in messages and metrics: its id, or its alias. */
	public String displayName() {
		return (this.id != null) ? this.id : this.alias;
	}

	/** A builder initialised from this definition. */
	public Builder toBuilder() {
		Builder builder = new Builder(this.alias).id(this.id).revision(this.revision).policy(this.policy)
			.timeout(this.timeout)
			.revisionMismatch(this.revisionMismatch)
			.batching(this.batching)
			.chat(this.chat);
		builder.targets.addAll(this.targets);
		builder.weights.addAll(this.weights);
		return builder;
	}

	@Override
	public String toString() {
		return "ModelDefinition[alias=" + this.alias + ", id=" + this.id + ", revision=" + this.revision
				+ ", targets=" + this.targets + "]";
	}

	/** Builds a {@link ModelDefinition}. */
	public static final class Builder {

		private final String alias;

		private @Nullable String id;

		private @Nullable String revision;

		private final java.util.ArrayList<InferenceTarget> targets = new java.util.ArrayList<>();

		private final java.util.ArrayList<Integer> weights = new java.util.ArrayList<>();

		private ResiliencePolicy policy = ResiliencePolicy.defaults();

		private @Nullable Duration timeout;

		private RevisionMismatchAction revisionMismatch = RevisionMismatchAction.WARN;

		private BatchingSettings batching = BatchingSettings.disabled();

		private ChatSettings chat = ChatSettings.defaults();

		private Builder(String alias) {
			this.alias = alias;
		}

		/**
		 * Sets the model id.
		 * @param id the Hugging Face model id
		 * @return this builder
		 */
		public Builder id(@Nullable String id) {
			this.id = id;
			return this;
		}

		/**
		 * Pins a revision.
		 * @param revision a commit sha, branch or tag
		 * @return this builder
		 */
		public Builder revision(@Nullable String revision) {
			this.revision = revision;
			return this;
		}

		/**
		 * Adds a target after those already added.
		 * @param target the target
		 * @return this builder
		 */
		public Builder target(InferenceTarget target) {
			return target(target, 1);
		}

		/**
		 * Adds a weighted target after those already added.
		 * @param target the target
		 * @param weight its weight for weighted load balancing (at least 1)
		 * @return this builder
		 */
		public Builder target(InferenceTarget target, int weight) {
			if (weight < 1) {
				throw new HfConfigurationException("Model '" + this.alias + "': weight of target " + target.name()
						+ " must be at least 1, got " + weight);
			}
			this.targets.add(Objects.requireNonNull(target, "target"));
			this.weights.add(weight);
			return this;
		}

		/**
		 * Sets the resilience policy.
		 * @param policy the policy
		 * @return this builder
		 */
		public Builder policy(ResiliencePolicy policy) {
			this.policy = Objects.requireNonNull(policy, "policy");
			return this;
		}

		/**
		 * Sets the time allowed for one attempt.
		 * @param timeout the timeout, or null for the client's default
		 * @return this builder
		 */
		public Builder timeout(@Nullable Duration timeout) {
			this.timeout = timeout;
			return this;
		}

		/**
		 * Replaces the targets.
		 * @param targets the targets in priority order
		 * @return this builder
		 */
		public Builder targets(List<? extends InferenceTarget> targets) {
			this.targets.clear();
			this.weights.clear();
			targets.forEach(this::target);
			return this;
		}

		/**
		 * Sets what to do when a server reports another revision than the pinned one.
		 * @param action warn (default) or fail
		 * @return this builder
		 */
		public Builder revisionMismatch(RevisionMismatchAction action) {
			this.revisionMismatch = Objects.requireNonNull(action, "action");
			return this;
		}

		/**
		 * Coalesces concurrent single calls of batchable tasks ({@code feature-extraction})
		 * into batch requests.
		 * @param batching the settings, {@link BatchingSettings#disabled()} by default
		 * @return this builder
		 */
		public Builder batching(BatchingSettings batching) {
			this.batching = Objects.requireNonNull(batching, "batching");
			return this;
		}

		/**
		 * Sets how chat calls behave (stream usage, image limit, tool rounds, structured
		 * output).
		 * @param chat the settings, {@link ChatSettings#defaults()} by default
		 * @return this builder
		 */
		public Builder chat(ChatSettings chat) {
			this.chat = Objects.requireNonNull(chat, "chat");
			return this;
		}

		/** Builds the definition. */
		public ModelDefinition build() {
			return new ModelDefinition(this);
		}

	}

}
