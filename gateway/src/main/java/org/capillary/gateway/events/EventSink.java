package org.capillary.gateway.events;

/** Where projections and the obligation clock put the events they raise. */
@FunctionalInterface
public interface EventSink {

  /** A sink that drops everything (a rebuild replays history: its events were told already). */
  EventSink NONE = event -> {};

  /**
   * @param event the event, recorded in the caller's transaction
   */
  void emit(PlatformEvent event);
}
