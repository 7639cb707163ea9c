require 'open3'
require 'shellwords'

class ToolsController < ApplicationController
  def ping
    host = params[:host]
    # ruleid: rb.command-injection.shell-interpolation
    system("ping -c 1 #{host}")
    # ruleid: rb.command-injection.shell-interpolation
    out, status = Open3.capture2("nslookup #{params[:domain]}")
    # ruleid: rb.command-injection.shell-interpolation
    IO.popen("tar czf /tmp/out.tgz " + params[:dir]) { |io| io.read }
    # ruleid: rb.command-injection.shell-interpolation
    exec "convert #{file} out.png"
    # ruleid: rb.command-injection.shell-interpolation
    system(params[:cmd])
    # ok: rb.command-injection.shell-interpolation
    system("ping", "-c", "1", host)
    # ok: rb.command-injection.shell-interpolation
    out, status = Open3.capture2("nslookup", params[:domain])
    # ok: rb.command-injection.shell-interpolation
    system("ping -c 1 #{Shellwords.escape(host)}")
    # ok: rb.command-injection.shell-interpolation
    system("uptime")
    # ruleid: rb.command-injection.backtick-interpolation
    whois = `whois #{params[:domain]}`
    # ruleid: rb.command-injection.backtick-interpolation
    files = %x(ls -la #{dir})
    # ok: rb.command-injection.backtick-interpolation
    rev = `git rev-parse HEAD`
    # ok: rb.command-injection.backtick-interpolation
    files = %x(ls -la #{dir.shellescape})
  end
end
