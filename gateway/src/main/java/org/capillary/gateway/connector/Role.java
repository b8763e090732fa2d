package org.capillary.gateway.connector;

/** The role of a connector, which decides the operations it may call ({@code x-roles}). */
public enum Role {
  INSURER,
  DEVICE_VENDOR,
  OPERATOR,
  SUBDISTRICT_OFFICE
}
