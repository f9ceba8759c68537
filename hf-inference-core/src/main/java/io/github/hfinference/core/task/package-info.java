/**
 * Task definitions: one small class per Hugging Face task, with its parameter and result
 * records, all going through the same request path.
 */
@NullMarked
package io.github.hfinference.core.task;

import org.jspecify.annotations.NullMarked;
