require 'yaml'
require 'json'

class PrefsController < ApplicationController
  def load
    # ruleid: rb.deserialization.marshal-load
    prefs = Marshal.load(Base64.decode64(cookies[:prefs]))
    # ruleid: rb.deserialization.marshal-load
    obj = Marshal.load(request.body.read)
    # ok: rb.deserialization.marshal-load
    copy = Marshal.load(Marshal.dump(template))
    # ok: rb.deserialization.marshal-load
    prefs = JSON.parse(cookies[:prefs])
    # ruleid: rb.deserialization.yaml-load
    data = YAML.load(params[:doc])
    # ruleid: rb.deserialization.yaml-load
    cfg = Psych.unsafe_load(upload.read)
    # ok: rb.deserialization.yaml-load
    data = YAML.safe_load(params[:doc])
    # ok: rb.deserialization.yaml-load
    data = YAML.safe_load(params[:doc], permitted_classes: [Date, Symbol])
    # ok: rb.deserialization.yaml-load
    settings = YAML.load(File.read(Rails.root.join("config", "settings.yml")))
  end
end
