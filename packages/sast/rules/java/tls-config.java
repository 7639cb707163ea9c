package com.example.rampart.config;

import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.List;
import javax.net.ssl.HostnameVerifier;
import javax.net.ssl.HttpsURLConnection;
import javax.net.ssl.SSLSession;
import javax.net.ssl.X509TrustManager;
import javax.servlet.http.Cookie;
import javax.servlet.http.HttpServletResponse;
import org.apache.http.conn.ssl.NoopHostnameVerifier;
import org.springframework.context.annotation.Bean;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.Customizer;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.web.bind.annotation.CrossOrigin;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.cors.CorsConfiguration;

class TrustAllManager implements X509TrustManager {
    public void checkClientTrusted(X509Certificate[] chain, String authType) {
    }

    @Override
    // ruleid: java.tls.trust-all-certificates
    public void checkServerTrusted(X509Certificate[] chain, String authType) {
        // trust everything
    }

    public X509Certificate[] getAcceptedIssuers() {
        return new X509Certificate[0];
    }
}

class PinningTrustManager implements X509TrustManager {
    private final X509TrustManager delegate;

    PinningTrustManager(X509TrustManager delegate) {
        this.delegate = delegate;
    }

    public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        delegate.checkClientTrusted(chain, authType);
    }

    // ok: java.tls.trust-all-certificates
    public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        delegate.checkServerTrusted(chain, authType);
    }

    public X509Certificate[] getAcceptedIssuers() {
        return delegate.getAcceptedIssuers();
    }
}

class AllowAllVerifier implements HostnameVerifier {
    @Override
    // ruleid: java.tls.hostname-verifier-allow-all
    public boolean verify(String hostname, SSLSession session) {
        return true;
    }
}

class StrictVerifier implements HostnameVerifier {
    // ok: java.tls.hostname-verifier-allow-all
    public boolean verify(String hostname, SSLSession session) {
        return HttpsURLConnection.getDefaultHostnameVerifier().verify(hostname, session);
    }
}

class ClientSetup {
    void insecure(HttpsURLConnection conn) {
        // ruleid: java.tls.hostname-verifier-allow-all
        conn.setHostnameVerifier((host, session) -> true);
    }

    Object insecureApache() {
        // ruleid: java.tls.hostname-verifier-allow-all
        return new NoopHostnameVerifier();
    }

    void secure(HttpsURLConnection conn) {
        // ok: java.tls.hostname-verifier-allow-all
        conn.setHostnameVerifier((host, session) -> "api.example.com".equals(host));
    }
}

class CookieCases {
    void insecure(HttpServletResponse response, String value) {
        Cookie cookie = new Cookie("session", value);
        // ruleid: java.cookie.secure-disabled
        cookie.setSecure(false);
        // ruleid: java.cookie.httponly-disabled
        cookie.setHttpOnly(false);
        response.addCookie(cookie);
    }

    void secure(HttpServletResponse response, String value) {
        Cookie cookie = new Cookie("session", value);
        // ok: java.cookie.secure-disabled
        cookie.setSecure(true);
        // ok: java.cookie.httponly-disabled
        cookie.setHttpOnly(true);
        response.addCookie(cookie);
    }
}

class SecurityConfig {
    @Bean
    SecurityFilterChain legacy(HttpSecurity http) throws Exception {
        // ruleid: java.csrf.spring-csrf-disabled
        http.csrf().disable().authorizeRequests().anyRequest().authenticated();
        return http.build();
    }

    @Bean
    SecurityFilterChain lambdaDsl(HttpSecurity http) throws Exception {
        // ruleid: java.csrf.spring-csrf-disabled
        http.csrf(AbstractHttpConfigurer::disable);
        return http.build();
    }

    @Bean
    SecurityFilterChain lambdaDisable(HttpSecurity http) throws Exception {
        // ruleid: java.csrf.spring-csrf-disabled
        http.csrf(csrf -> csrf.disable());
        return http.build();
    }

    @Bean
    SecurityFilterChain secure(HttpSecurity http) throws Exception {
        // ok: java.csrf.spring-csrf-disabled
        http.csrf(Customizer.withDefaults());
        return http.build();
    }

    @Bean
    SecurityFilterChain webhooksExempt(HttpSecurity http) throws Exception {
        // ok: java.csrf.spring-csrf-disabled
        http.csrf(csrf -> csrf.ignoringRequestMatchers("/api/webhooks/**"));
        return http.build();
    }

    CorsConfiguration permissive() {
        CorsConfiguration config = new CorsConfiguration();
        config.addAllowedOriginPattern("*");
        // ruleid: java.cors.wildcard-origin-with-credentials
        config.setAllowCredentials(true);
        return config;
    }

    CorsConfiguration restricted() {
        CorsConfiguration config = new CorsConfiguration();
        config.setAllowedOrigins(List.of("https://app.example.com"));
        // ok: java.cors.wildcard-origin-with-credentials
        config.setAllowCredentials(true);
        return config;
    }
}

class CorsController {
    // ruleid: java.cors.wildcard-origin-with-credentials
    @CrossOrigin(originPatterns = "*", allowCredentials = "true")
    @GetMapping("/me")
    public String me() {
        return "me";
    }

    // ok: java.cors.wildcard-origin-with-credentials
    @CrossOrigin(origins = "https://app.example.com", allowCredentials = "true")
    @GetMapping("/profile")
    public String profile() {
        return "profile";
    }
}
