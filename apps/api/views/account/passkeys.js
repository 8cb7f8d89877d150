/* global document, window */
// The one script of the passkey pages: it asks the server for a ceremony's options, lets the
// browser create or use the passkey (SimpleWebAuthnBrowser, bundled before this file), and posts
// the answer with the page's own form. Without it, everything else on the page still works.
(function () {
  var api = window.SimpleWebAuthnBrowser;
  if (!api || !window.PublicKeyCredential) return;
  var buttons = document.querySelectorAll('[data-passkey]');
  Array.prototype.forEach.call(buttons, function (button) {
    var form = document.getElementById(button.getAttribute('data-form'));
    var status = document.getElementById(button.getAttribute('data-status'));
    if (!form) return;
    button.hidden = false;
    button.addEventListener('click', function (event) {
      event.preventDefault();
      var token = form.querySelector('input[name=csrfToken],input[name=formToken]');
      var body = new URLSearchParams();
      body.set(token.name, token.value);
      if (status) status.textContent = '';
      fetch(button.getAttribute('data-options'), { method: 'POST', body: body, credentials: 'same-origin' })
        .then(function (answer) {
          if (!answer.ok) throw new Error('options');
          return answer.json();
        })
        .then(function (options) {
          return button.getAttribute('data-passkey') === 'register'
            ? api.startRegistration({ optionsJSON: options })
            : api.startAuthentication({ optionsJSON: options });
        })
        .then(function (result) {
          form.querySelector('input[name=response]').value = JSON.stringify(result);
          form.submit();
        })
        .catch(function () {
          if (status) status.textContent = button.getAttribute('data-failed') || '';
        });
    });
  });
})();
