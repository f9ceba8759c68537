package io.github.hfinference.core.observation;

import io.github.hfinference.core.AdmissionSettings;

/**
 * A snapshot of a model's client-side admission.
 *
 * @param inFlight calls holding a permit
 * @param waiting calls waiting to be admitted
 * @param limits the limits in force
 */
public record AdmissionState(int inFlight, int waiting, AdmissionSettings limits) {

}
