package io.github.hfinference.test;

import io.github.hfinference.test.internal.WireFormat;

/**
 * The scripted answers of one task (other than streamed chat, see {@link ChatScript}):
 * results are given as the task's own result type and sent in the wire format the client
 * reads.
 *
 * @param <R> the task's result type
 */
public final class TaskScript<R> extends Script<TaskScript<R>> {

	TaskScript(String model, String task) {
		super(model, task);
	}

	/**
	 * Answers the next call with a result, e.g.
	 * {@code List.of(HfAnswers.label("POSITIVE", 0.98))} for text classification.
	 * @param result the typed result
	 * @return this script
	 */
	public TaskScript<R> answers(R result) {
		WireFormat.Body body = WireFormat.encode(result);
		return add(Step.answer((route) -> response(200, body)));
	}

	/**
	 * Same as {@link #answers(Object)}, reads better after another step.
	 * @param result the typed result
	 * @return this script
	 */
	public TaskScript<R> thenAnswers(R result) {
		return answers(result);
	}

}
