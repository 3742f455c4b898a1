package io.pistonee.example.blog;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.Set;

/** An OAuth 2.0 client of the example API: its id, the hash of its secret, the roles its own tokens carry. */
@Entity
@Table(name = "blog_oauth_client")
public class OAuthClient {

    @Id
    @Column(name = "client_id", length = 100)
    private String clientId;

    @Column(name = "secret_hash", nullable = false, length = 200)
    private String secretHash;

    @Column(nullable = false, length = 200)
    private String roles;

    protected OAuthClient() {}

    public OAuthClient(String clientId, String secretHash, String roles) {
        this.clientId = clientId;
        this.secretHash = secretHash;
        this.roles = roles;
    }

    public String getClientId() {
        return clientId;
    }

    public String getSecretHash() {
        return secretHash;
    }

    public Set<String> getRoles() {
        return roles.isBlank() ? Set.of() : Set.of(roles.strip().split("\\s+"));
    }
}
