package io.github.hfinference.core.task;

import java.util.List;

import org.springframework.core.ParameterizedTypeReference;

import io.github.hfinference.core.internal.task.Decoders;
import io.github.hfinference.core.internal.task.Encoders;
import io.github.hfinference.core.task.Task.TaskRoute;

/**
 * {@code tabular-regression}: one predicted value per row of a table. Values given as
 * numeric strings are read as numbers too.
 */
public final class TabularRegression {

	/** The task definition. */
	public static final Task<TabularData, NoParameters, List<Double>> TASK = Task
		.<TabularData, NoParameters, List<Double>>builder("tabular-regression", TaskRoute.MODEL)
		.input(TabularData.class)
		.parameters(NoParameters.class)
		.result(new ParameterizedTypeReference<>() {
		})
		.encoder(Encoders.inputsAndParameters())
		.decoder(Decoders.values(Decoders::number))
		.build();

	private TabularRegression() {
	}

}
