package org.capillary.gateway.events;

/** The event types the platform emits (Subscription.json, EventType). */
public final class EventTypes {

  /** A hazard was filed (R-30: reported to the sub-district office as it is received). */
  public static final String HAZARD_REPORTED = "org.capillary.hazard.reported.v1";
  /** A MAJOR hazard was filed, with its stop-work order. */
  public static final String HAZARD_MAJOR = "org.capillary.hazard.major.v1";
  /** A hazard passed its rectification deadline without verification. */
  public static final String HAZARD_OVERDUE = "org.capillary.hazard.overdue.v1";
  /** An obligation is PENDING within the due-soon lead time of its due time. */
  public static final String OBLIGATION_DUE_SOON = "org.capillary.obligation.due-soon.v1";
  /** An obligation became MISSED. */
  public static final String OBLIGATION_MISSED = "org.capillary.obligation.missed.v1";
  /** A device alert was received (not a duplicate). */
  public static final String ALERT_RECEIVED = "org.capillary.alert.received.v1";

  private EventTypes() {}
}
