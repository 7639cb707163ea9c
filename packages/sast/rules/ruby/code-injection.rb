class CalcController < ApplicationController
  ALLOWED = %w[approve reject].freeze

  def calc
    # ruleid: rb.code-injection.eval
    result = eval(params[:expr])
    # ruleid: rb.code-injection.eval
    value = eval("#{params[:a]} + 1")
    # ruleid: rb.code-injection.eval
    @report.instance_eval(params[:code])
    # ok: rb.code-injection.eval
    total = eval("1 + 2")
    # ok: rb.code-injection.eval
    self.class.class_eval "def #{name}; @#{name}; end"
    # ok: rb.code-injection.eval
    config.instance_eval(&block)
  end

  def act
    # ruleid: rb.code-injection.dynamic-dispatch
    @order.send(params[:op])
    # ruleid: rb.code-injection.dynamic-dispatch
    klass = params[:type].constantize
    # ruleid: rb.code-injection.dynamic-dispatch
    @order.public_send("#{params[:field]}=", params[:value])
    # ruleid: rb.code-injection.dynamic-dispatch
    model = Object.const_get(params[:model])
    # ok: rb.code-injection.dynamic-dispatch
    @order.public_send(params[:op]) if ALLOWED.include?(params[:op])
    # ok: rb.code-injection.dynamic-dispatch
    @order.send(:approve)
    # ok: rb.code-injection.dynamic-dispatch
    klass = "Report".constantize
  end
end
