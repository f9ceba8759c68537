package io.github.hfinference.core.task;

import java.util.List;

import org.springframework.core.ParameterizedTypeReference;

import io.github.hfinference.core.internal.task.Decoders;
import io.github.hfinference.core.internal.task.Encoders;
import io.github.hfinference.core.task.Task.TaskRoute;

/**
 * {@code tabular-classification}: one label per row of a table. Models answer labels as
 * numbers or strings ({@code [5, 5, 7]} or {@code ["setosa"]}); both are read as text.
 */
public final class TabularClassification {

	/** The task definition. */
	public static final Task<TabularData, NoParameters, List<String>> TASK = Task
		.<TabularData, NoParameters, List<String>>builder("tabular-classification", TaskRoute.MODEL)
		.input(TabularData.class)
		.parameters(NoParameters.class)
		.result(new ParameterizedTypeReference<>() {
		})
		.encoder(Encoders.inputsAndParameters())
		.decoder(Decoders.values(Decoders::text))
		.build();

	private TabularClassification() {
	}

}
