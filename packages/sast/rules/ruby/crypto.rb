require 'net/http'
require 'digest'
require 'openssl'
require 'securerandom'

def fetch(uri)
  http = Net::HTTP.new(uri.host, uri.port)
  http.use_ssl = true
  # ruleid: rb.tls.verify-none
  http.verify_mode = OpenSSL::SSL::VERIFY_NONE
  # ok: rb.tls.verify-none
  http.verify_mode = OpenSSL::SSL::VERIFY_PEER
  # ruleid: rb.tls.verify-none
  RestClient::Request.execute(method: :get, url: uri.to_s, verify_ssl: false)
  # ok: rb.tls.verify-none
  RestClient::Request.execute(method: :get, url: uri.to_s, verify_ssl: true)
  # ok: rb.tls.verify-none
  warn "insecure" if http.verify_mode == OpenSSL::SSL::VERIFY_NONE
end

def store_password(user, password)
  # ruleid: rb.crypto.weak-hash
  user.password_digest = Digest::MD5.hexdigest(password)
  # ruleid: rb.crypto.weak-hash
  sig = OpenSSL::HMAC.hexdigest("SHA1", key, data)
  # ruleid: rb.crypto.weak-hash
  user.token_hash = Digest::SHA1.hexdigest(token)
  # ok: rb.crypto.weak-hash
  user.token_hash = Digest::SHA256.hexdigest(token)
  # ok: rb.crypto.weak-hash
  sig = OpenSSL::HMAC.hexdigest("SHA256", key, data)
end

def etag_for(body)
  # ok: rb.crypto.weak-hash
  Digest::MD5.hexdigest(body)
end

def issue_reset(user)
  # ruleid: rb.random.insecure-token
  user.reset_token = rand(36**20).to_s(36)
  # ruleid: rb.random.insecure-token
  otp_code = Random.new.rand(100_000..999_999)
  # ruleid: rb.random.insecure-token
  api_key = ('a'..'z').to_a.sample(32).join
  # ok: rb.random.insecure-token
  user.reset_token = SecureRandom.urlsafe_base64(32)
  # ok: rb.random.insecure-token
  otp_code = SecureRandom.random_number(100_000..999_999)
  # ok: rb.random.insecure-token
  delay = rand(5)
end

def generate_token
  # ruleid: rb.random.insecure-token
  Array.new(24) { rand(36).to_s(36) }.join
end
