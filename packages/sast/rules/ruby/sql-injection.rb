class UsersController < ApplicationController
  def index
    # ruleid: rb.sql-injection.interpolated-query
    @users = User.where("name = '#{params[:name]}'")
    # ruleid: rb.sql-injection.interpolated-query
    @users = User.order("#{params[:sort]} ASC")
    # ruleid: rb.sql-injection.interpolated-query
    @users = User.find_by_sql("SELECT * FROM users WHERE email = '" + params[:email] + "'")
    # ruleid: rb.sql-injection.interpolated-query
    ActiveRecord::Base.connection.execute("DELETE FROM sessions WHERE user_id = #{user_id}")
    sql = "SELECT * FROM users WHERE role = '#{role}'"
    # ruleid: rb.sql-injection.interpolated-query
    User.connection.select_all(sql)
    # ok: rb.sql-injection.interpolated-query
    @users = User.where("name = ?", params[:name])
    # ok: rb.sql-injection.interpolated-query
    @users = User.where(name: params[:name])
    # ok: rb.sql-injection.interpolated-query
    @users = User.where("id = #{params[:id].to_i}")
    # ok: rb.sql-injection.interpolated-query
    @users = User.where("created_at > ?", 1.week.ago).order("created_at DESC")
    # ok: rb.sql-injection.interpolated-query
    @users = User.joins("INNER JOIN #{Account.table_name} ON accounts.user_id = users.id")
    # ok: rb.sql-injection.interpolated-query
    @users = User.find_by_sql(["SELECT * FROM users WHERE email = ?", params[:email]])
  end
end
