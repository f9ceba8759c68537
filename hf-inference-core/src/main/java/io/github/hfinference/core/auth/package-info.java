/**
 * Access tokens: lookup order, validation and masking.
 */
@NullMarked
package io.github.hfinference.core.auth;

import org.jspecify.annotations.NullMarked;
