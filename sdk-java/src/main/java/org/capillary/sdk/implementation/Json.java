package org.capillary.sdk.implementation;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import org.capillary.sdk.exception.CapillaryClientException;

/** The one mapper of the SDK. Request bodies are serialised once with it, and those bytes are signed and sent. */
public final class Json {

  /**
   * Nulls are omitted (generated models would otherwise send {@code "x": null}, which closed
   * request schemas refuse); containers default to null in the generated models, so unset lists are
   * omitted too while an explicitly empty list is kept. Offsets of timestamps are kept as written.
   * Unknown properties in responses are ignored (minor versions add members); unknown values of
   * closed enums become {@code UNKNOWN_DEFAULT_OPEN_API} instead of failing.
   */
  public static final ObjectMapper MAPPER = JsonMapper.builder()
      .addModule(new JavaTimeModule())
      .serializationInclusion(JsonInclude.Include.NON_NULL)
      .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
      .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
      .enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN)
      .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
      .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
      .enable(DeserializationFeature.READ_UNKNOWN_ENUM_VALUES_USING_DEFAULT_VALUE)
      .build();

  private Json() {
  }

  /**
   * @param value a model
   * @return its JSON octets
   * @throws CapillaryClientException if it cannot be serialised
   */
  public static byte[] write(Object value) {
    try {
      return MAPPER.writeValueAsBytes(value);
    } catch (IOException e) {
      throw new CapillaryClientException("cannot serialise " + value.getClass().getSimpleName(), e);
    }
  }

  /**
   * @param body JSON octets
   * @param type the model type
   * @param <T> the model type
   * @return the model
   * @throws CapillaryClientException if the body does not parse as {@code type}
   */
  public static <T> T read(byte[] body, Class<T> type) {
    try {
      return MAPPER.readValue(body, type);
    } catch (IOException e) {
      throw new CapillaryClientException("cannot read the response as " + type.getSimpleName(), e);
    }
  }
}
