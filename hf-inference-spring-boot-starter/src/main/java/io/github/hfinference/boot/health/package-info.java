/**
 * Actuator health of the Hugging Face token and of every configured model, from
 * credit-free checks only.
 */
@NullMarked
package io.github.hfinference.boot.health;

import org.jspecify.annotations.NullMarked;
