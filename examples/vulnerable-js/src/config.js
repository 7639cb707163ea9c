// planted/safe markers: see server.js. The key below is made up; it was never a real credential.
module.exports = {
  // planted: hardcoded-aws-key
  awsAccessKeyId: 'AKIAZ7QH4XK2PLMN3VRT',
  // safe: hardcoded-aws-key
  awsSecretAccessKey: process.env.AWS_SECRET_ACCESS_KEY,
};
