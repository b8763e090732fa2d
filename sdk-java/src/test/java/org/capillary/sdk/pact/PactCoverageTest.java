package org.capillary.sdk.pact;

import static org.assertj.core.api.Assertions.assertThat;

import au.com.dius.pact.core.model.annotations.Pact;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.capillary.sdk.CapillaryAsyncClient;
import org.capillary.sdk.CapillaryClient;
import org.junit.jupiter.api.Test;

/** The pact covers the whole SDK surface: a new operation without an interaction fails the build. */
class PactCoverageTest {

  /**
   * The media uploader's entry points of the synchronous client, exempt for now (issue 5): they are
   * not single operations but createUpload + appendUploadChunk + getUploadOffset, whose
   * interactions need provider states for uploads in the gateway's pact verification, and the
   * asynchronous client has no uploader yet. Covered against WireMock by MediaUploaderTest.
   */
  private static final Set<String> NOT_YET_IN_THE_PACT = Set.of("uploadMedia", "mediaUploader");

  private static Set<String> operations(Class<?> client) {
    return Arrays.stream(client.getDeclaredMethods())
        .filter(m -> Modifier.isPublic(m.getModifiers()) && !Modifier.isStatic(m.getModifiers()))
        .map(Method::getName).filter(n -> !n.equals("connectorId")).filter(n -> !NOT_YET_IN_THE_PACT.contains(n))
        .collect(Collectors.toCollection(TreeSet::new));
  }

  @Test
  void everyOperationOfTheSdkHasAnInteraction() {
    Set<String> pacts = Arrays.stream(GatewayPactTest.class.getDeclaredMethods())
        .filter(m -> m.isAnnotationPresent(Pact.class)).map(Method::getName)
        .collect(Collectors.toCollection(TreeSet::new));
    assertThat(pacts).isEqualTo(operations(CapillaryClient.class));
    assertThat(PactCases.writes().keySet()).allMatch(pacts::contains);
  }

  @Test
  void theAsyncClientOffersTheSameOperations() {
    assertThat(operations(CapillaryAsyncClient.class)).isEqualTo(operations(CapillaryClient.class));
  }
}
