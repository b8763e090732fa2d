/**
 * The device connector example: a site camera / AI box simulator that reports CloudEvents alerts
 * (one at a time and in batches) with their snapshot and clip, through a durable store-and-forward
 * queue, so that nothing is lost while the gateway is unreachable and nothing is filed twice.
 *
 * <ul>
 *   <li>{@link org.capillary.examples.device.AlertJournal}: the queue on disk (a directory of files);
 *   <li>{@link org.capillary.examples.device.StoreAndForward}: journals first, then uploads and
 *       publishes, in order, with one Idempotency-Key per delivery kept across restarts;
 *   <li>{@link org.capillary.examples.device.SiteCamera}: makes the alerts and their media;
 *   <li>{@link org.capillary.examples.device.SiteDevices}: registers the devices of a project;
 *   <li>{@link org.capillary.examples.device.DeviceConnectorMain}: the command line.
 * </ul>
 */
@NullMarked
package org.capillary.examples.device;

import org.jspecify.annotations.NullMarked;
