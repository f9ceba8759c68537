/**
 * Credit-free Hub and endpoint calls: whoami, model info, endpoint health and info.
 */
@NullMarked
package io.github.hfinference.core.hub;

import org.jspecify.annotations.NullMarked;
