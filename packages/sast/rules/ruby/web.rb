class PagesController < ApplicationController
  # ruleid: rb.csrf.forgery-protection-disabled
  skip_before_action :verify_authenticity_token
  # ok: rb.csrf.forgery-protection-disabled
  protect_from_forgery with: :exception
  # ok: rb.csrf.forgery-protection-disabled
  skip_before_action :authenticate_user!, only: [:show]

  def show
    # ruleid: rb.template-injection.render-inline
    render inline: "<h1>#{params[:title]}</h1>"
    # ruleid: rb.template-injection.render-inline
    render inline: params[:template], layout: true
    # ok: rb.template-injection.render-inline
    render inline: "<h1><%= @title %></h1>"
    # ok: rb.template-injection.render-inline
    render :show, locals: { title: params[:title] }
  end

  def preview
    name = params[:name]
    # ruleid: rb.xss.html-safe-request
    @greeting = "Hello #{params[:name]}".html_safe
    # ruleid: rb.xss.html-safe-request
    @bio = raw(params[:bio])
    # ruleid: rb.xss.html-safe-request
    @label = name.html_safe
    # ruleid: rb.xss.html-safe-request
    render html: params[:body].html_safe
    # ok: rb.xss.html-safe-request
    @greeting = "Hello #{ERB::Util.html_escape(params[:name])}".html_safe
    # ok: rb.xss.html-safe-request
    @bio = sanitize(params[:bio])
    # ok: rb.xss.html-safe-request
    @icon = '<i class="icon"></i>'.html_safe
  end

  def back
    # ruleid: rb.open-redirect.redirect-to-request
    redirect_to params[:return_to]
    # ruleid: rb.open-redirect.redirect-to-request
    redirect_to "#{params[:next]}?ok=1"
    # ok: rb.open-redirect.redirect-to-request
    redirect_to params[:return_to], allow_other_host: false
    # ok: rb.open-redirect.redirect-to-request
    redirect_to dashboard_path
    # ok: rb.open-redirect.redirect-to-request
    redirect_to user_path(params[:id])
  end

  def update
    # ruleid: rb.mass-assignment.permit-all
    @user.update(params.require(:user).permit!)
    # ruleid: rb.mass-assignment.permit-all
    User.create(params.permit!)
    # ok: rb.mass-assignment.permit-all
    @user.update(params.require(:user).permit(:name, :email))
  end
end

class ApiController < ActionController::Base
  # ruleid: rb.csrf.forgery-protection-disabled
  skip_forgery_protection
end

Rails.application.configure do
  # ruleid: rb.csrf.forgery-protection-disabled
  config.action_controller.allow_forgery_protection = false
end
