package io.tierlens.dr.client;

import com.azure.core.exception.ClientAuthenticationException;
import com.azure.core.exception.HttpResponseException;
import com.azure.identity.CredentialUnavailableException;
import com.azure.storage.blob.models.BlobErrorCode;
import com.azure.storage.blob.models.BlobStorageException;
import io.tierlens.core.exporter.ExporterException;
import io.tierlens.core.exporter.FailureReason;
import java.util.Locale;
import java.util.concurrent.TimeoutException;

/**
 * Bounded reasons and log-safe text for what the Azure SDK throws. Azure's own messages are never used: they
 * name the client id, the object id and the scope that was denied.
 */
public final class AzureFailures {
    private static final int MAX_CAUSE_DEPTH = 16;

    private AzureFailures() {}

    /** {@code access_denied} for 401/403 and any sign-in failure, {@code throttled} for 429, else core's mapping. */
    public static String reason(Throwable t) {
        Throwable c = t;
        for (int i = 0; i < MAX_CAUSE_DEPTH && c != null; i++) {
            if (c instanceof ExporterException e) {
                return e.reason();
            }
            if (c instanceof RestArmApi.BodyTooLargeException) {
                return FailureReason.INVALID_RESPONSE;
            }
            if (c instanceof ClientAuthenticationException || c instanceof CredentialUnavailableException) {
                return FailureReason.ACCESS_DENIED;
            }
            if (c.getClass().getName().startsWith("com.microsoft.aad.msal4j.Msal")) {
                // the token endpoint refused the assertion, secret or certificate
                return FailureReason.ACCESS_DENIED;
            }
            if (c instanceof BlobStorageException b && BlobErrorCode.SERVER_BUSY.equals(b.getErrorCode())) {
                // Storage throttles with 503 ServerBusy, not 429
                return FailureReason.THROTTLED;
            }
            if (c instanceof HttpResponseException h && h.getResponse() != null) {
                return ofStatus(h.getResponse().getStatusCode());
            }
            if (c instanceof TimeoutException) {
                return FailureReason.TIMEOUT;
            }
            if (c instanceof IllegalStateException
                    && c.getMessage() != null
                    && c.getMessage().toLowerCase(Locale.ROOT).contains("timeout on blocking read")) {
                return FailureReason.TIMEOUT;
            }
            if (c.getCause() == c) {
                break;
            }
            c = c.getCause();
        }
        return FailureReason.of(t);
    }

    static String ofStatus(int status) {
        if (status == 401 || status == 403) {
            return FailureReason.ACCESS_DENIED;
        }
        if (status == 429) {
            return FailureReason.THROTTLED;
        }
        return FailureReason.REMOTE_ERROR;
    }

    /** E.g. {@code BlobStorageException AuthorizationFailure (HTTP 403)}: type, error code and status only. */
    public static String describe(Throwable t) {
        if (t instanceof ExporterException e) {
            return e.getMessage();
        }
        if (t instanceof BlobStorageException b) {
            return "BlobStorageException " + b.getErrorCode() + " (HTTP " + b.getStatusCode() + ")";
        }
        if (t instanceof HttpResponseException h && h.getResponse() != null) {
            return t.getClass().getSimpleName() + " (HTTP " + h.getResponse().getStatusCode() + ")";
        }
        Throwable root = t;
        for (int i = 0; i < MAX_CAUSE_DEPTH && root.getCause() != null && root.getCause() != root; i++) {
            root = root.getCause();
        }
        return root == t
                ? t.getClass().getSimpleName()
                : t.getClass().getSimpleName() + " caused by " + root.getClass().getSimpleName();
    }
}
