package security

import (
	"crypto/aes"
	"crypto/cipher"
	"crypto/des"
	"crypto/md5"
	"crypto/rc4"
	"crypto/sha256"
	"crypto/tls"
	"encoding/hex"
	"math/rand"
	"net/http"
	"time"
)

func insecureClient() *http.Client {
	// ruleid: go.tls.insecure-skip-verify
	cfg := &tls.Config{InsecureSkipVerify: true}
	return &http.Client{Transport: &http.Transport{TLSClientConfig: cfg}}
}

func insecureAssign(cfg *tls.Config) {
	// ruleid: go.tls.insecure-skip-verify
	cfg.InsecureSkipVerify = true
}

func secureClient() *http.Client {
	// ok: go.tls.insecure-skip-verify
	cfg := &tls.Config{InsecureSkipVerify: false, MinVersion: tls.VersionTLS12}
	return &http.Client{Transport: &http.Transport{TLSClientConfig: cfg}}
}

func legacyServer() *tls.Config {
	// ruleid: go.tls.legacy-min-version
	return &tls.Config{MinVersion: tls.VersionTLS10}
}

func modernServer() *tls.Config {
	// ok: go.tls.legacy-min-version
	return &tls.Config{MinVersion: tls.VersionTLS13}
}

func hashPassword(password string) string {
	// ruleid: go.weak-hash.md5-sha1
	sum := md5.Sum([]byte(password))
	return hex.EncodeToString(sum[:])
}

func checksum(data []byte) string {
	// ok: go.weak-hash.md5-sha1
	sum := sha256.Sum256(data)
	return hex.EncodeToString(sum[:])
}

func encryptDES(key, block []byte) (cipher.Block, error) {
	// ruleid: go.weak-cipher.des-rc4
	return des.NewCipher(key)
}

func encryptRC4(key []byte) (*rc4.Cipher, error) {
	// ruleid: go.weak-cipher.des-rc4
	return rc4.NewCipher(key)
}

func encryptAES(key []byte) (cipher.AEAD, error) {
	// ok: go.weak-cipher.des-rc4
	block, err := aes.NewCipher(key)
	if err != nil {
		return nil, err
	}
	return cipher.NewGCM(block)
}

const letters = "abcdefghijklmnopqrstuvwxyz0123456789"

func newSessionToken() string {
	b := make([]byte, 32)
	for i := range b {
		// ruleid: go.insecure-random.math-rand-security
		b[i] = letters[rand.Intn(len(letters))]
	}
	return string(b)
}

func retryDelay(attempt int) time.Duration {
	// ok: go.insecure-random.math-rand-security
	jitter := time.Duration(rand.Intn(100)) * time.Millisecond
	return time.Duration(attempt)*time.Second + jitter
}
