package io.github.hfinference.test;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

import io.github.hfinference.core.error.HfConfigurationException;
import io.github.hfinference.core.task.Task;
import io.github.hfinference.core.task.Task.TaskRoute;
import io.github.hfinference.core.task.Tasks;
import io.github.hfinference.test.internal.StubRoute;

/**
 * What the stub knows about one model (or endpoint): the answers of each task, the
 * revision it serves and the providers the Hub lists for it.
 */
public final class ModelScript {

	private final String id;

	private final Map<String, Script<?>> scripts = new LinkedHashMap<>();

	private final Map<String, TaskRoute> routes = new LinkedHashMap<>();

	private final List<String> providers = new ArrayList<>(List.of("hf-inference"));

	private final Map<String, String> statuses = new LinkedHashMap<>();

	private final Map<String, Map<String, Double>> prices = new LinkedHashMap<>();

	private String sha;

	private int health = 200;

	ModelScript(String id) {
		this.id = id;
		this.sha = defaultSha(id);
	}

	/** The model id (or endpoint name). */
	public String id() {
		return this.id;
	}

	/**
	 * The script of one task, typed by the task's result.
	 * @param <R> the result type
	 * @param task the task, e.g. {@code TextClassification.TASK}
	 * @return its script (the same one on every call)
	 * @throws HfConfigurationException for chat completions, which {@link #chat()} scripts
	 */
	@SuppressWarnings("unchecked")
	public synchronized <R> TaskScript<R> task(Task<?, ?, R> task) {
		return (TaskScript<R>) taskScript(task);
	}

	/**
	 * The script of one task, by its Hugging Face id.
	 * @param taskId the task id, e.g. {@code text-classification}
	 * @return its script
	 * @throws HfConfigurationException if the task is unknown, naming the known ones
	 */
	public synchronized TaskScript<Object> task(String taskId) {
		Task<?, ?, ?> task = Tasks.byId(taskId)
			.orElseThrow(() -> new HfConfigurationException("Unknown task '" + taskId + "' scripted for model '"
					+ this.id + "'; known tasks: " + String.join(", ", Tasks.ids())));
		@SuppressWarnings("unchecked")
		TaskScript<Object> script = (TaskScript<Object>) taskScript(task);
		return script;
	}

	/**
	 * The script of the model's chat completions, plain and streamed.
	 * @return its script (the same one on every call)
	 */
	public synchronized ChatScript chat() {
		return (ChatScript) this.scripts.computeIfAbsent(StubRoute.CHAT, (key) -> {
			this.routes.put(key, TaskRoute.CHAT_COMPLETIONS);
			return new ChatScript(this.id);
		});
	}

	/**
	 * Serves a revision: the Hub's model info reports it as {@code sha} and inference
	 * answers carry it in {@code x-sha}.
	 * @param sha the commit hash
	 * @return this model
	 */
	public synchronized ModelScript servesRevision(String sha) {
		this.sha = sha;
		return this;
	}

	/**
	 * The providers the Hub lists for the model ({@code inferenceProviderMapping}), in
	 * order; {@code hf-inference} only unless set.
	 * @param providers provider names, e.g. {@code together}, {@code hf-inference}
	 * @return this model
	 */
	public synchronized ModelScript servedBy(String... providers) {
		this.providers.clear();
		this.providers.addAll(List.of(providers));
		return this;
	}

	/**
	 * The status the Hub reports for one provider of the model ({@code live} unless set).
	 * @param provider the provider, e.g. {@code novita}
	 * @param status {@code live}, {@code staging} or {@code error}
	 * @return this model
	 */
	public synchronized ModelScript providerStatus(String provider, String status) {
		this.statuses.put(provider, status);
		return this;
	}

	/**
	 * The price the router's {@code /v1/models} publishes for the model on one provider.
	 * @param provider the provider
	 * @param inputPerMillion USD per million input tokens
	 * @param outputPerMillion USD per million output tokens
	 * @return this model
	 */
	public synchronized ModelScript pricing(String provider, double inputPerMillion, double outputPerMillion) {
		this.prices.put(provider, Map.of("input", inputPerMillion, "output", outputPerMillion));
		return this;
	}

	/**
	 * For an endpoint: the status of its {@code /health} (200 unless set). Its {@code /info}
	 * reports the revision of {@link #servesRevision(String)} as {@code model_sha}.
	 * @param status the HTTP status
	 * @return this endpoint
	 */
	public synchronized ModelScript health(int status) {
		this.health = status;
		return this;
	}

	synchronized int health() {
		return this.health;
	}

	/** Whether the model has a chat script, which puts it in the router's {@code /v1/models}. */
	synchronized boolean chats() {
		return this.scripts.containsKey(StubRoute.CHAT);
	}

	/** One entry per provider of the router's {@code /v1/models}. */
	synchronized List<Map<String, Object>> providerList() {
		List<Map<String, Object>> entries = new ArrayList<>();
		for (String provider : this.providers) {
			Map<String, Object> entry = new LinkedHashMap<>();
			entry.put("provider", provider);
			entry.put("status", this.statuses.getOrDefault(provider, "live"));
			if (this.prices.containsKey(provider)) {
				entry.put("pricing", this.prices.get(provider));
			}
			entries.add(entry);
		}
		return entries;
	}

	synchronized String sha() {
		return this.sha;
	}

	/** The Hub's model info: id, sha, pipeline tag, warm, and the provider mapping. */
	synchronized Map<String, Object> info() {
		Map<String, Object> mapping = new LinkedHashMap<>();
		String firstTask = this.scripts.keySet().stream().filter((task) -> !task.equals(StubRoute.CHAT)).findFirst()
			.orElse(null);
		for (String provider : this.providers) {
			String task = (this.scripts.containsKey(StubRoute.CHAT) && (firstTask == null
					|| !provider.equals("hf-inference"))) ? "conversational" : firstTask;
			Map<String, Object> entry = new LinkedHashMap<>();
			entry.put("status", this.statuses.getOrDefault(provider, "live"));
			entry.put("providerId", this.id);
			entry.put("task", (task != null) ? task : "");
			mapping.put(provider, entry);
		}
		Map<String, Object> info = new LinkedHashMap<>();
		info.put("_id", defaultSha(this.id).substring(0, 24));
		info.put("id", this.id);
		info.put("modelId", this.id);
		info.put("sha", this.sha);
		if (firstTask != null || this.scripts.containsKey(StubRoute.CHAT)) {
			info.put("pipeline_tag", (firstTask != null) ? firstTask : "text-generation");
		}
		info.put("inference", "warm");
		info.put("inferenceProviderMapping", mapping);
		return info;
	}

	/**
	 * The script answering a route: the task named in the path, else the first scripted
	 * task addressed as {@code /models/{id}}.
	 */
	synchronized Optional<Script<?>> scriptFor(StubRoute route) {
		if (route.task() != null) {
			return Optional.ofNullable(this.scripts.get(route.task()));
		}
		return this.routes.entrySet()
			.stream()
			.filter((entry) -> entry.getValue() == TaskRoute.MODEL)
			.findFirst()
			.or(() -> this.routes.entrySet().stream().filter((entry) -> entry.getValue() != TaskRoute.CHAT_COMPLETIONS)
				.findFirst())
			.map((entry) -> this.scripts.get(entry.getKey()));
	}

	synchronized @Nullable String scriptedTasks() {
		return this.scripts.isEmpty() ? null : String.join(", ", this.scripts.keySet());
	}

	private Script<?> taskScript(Task<?, ?, ?> task) {
		if (task.route() == TaskRoute.CHAT_COMPLETIONS) {
			throw new HfConfigurationException("Chat completions of model '" + this.id
					+ "' are scripted with chat(), which serves plain and streamed requests");
		}
		return this.scripts.computeIfAbsent(task.id(), (key) -> {
			this.routes.put(key, task.route());
			return new TaskScript<>(this.id, key);
		});
	}

	private static String defaultSha(String id) {
		try {
			byte[] digest = MessageDigest.getInstance("SHA-1").digest(id.getBytes(StandardCharsets.UTF_8));
			return HexFormat.of().formatHex(digest);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
