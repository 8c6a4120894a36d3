// liwindex app: while a form's files upload and are scored, its button says so (and
// cannot be pressed twice); the words come from the form's data-working attribute.
document.addEventListener("submit", function (event) {
  var form = event.target;
  var button = form.querySelector("button[type=submit]");
  var status = form.querySelector(".working");
  if (!button || !form.dataset.working) return;
  button.disabled = true;
  button.setAttribute("aria-disabled", "true");
  if (status) status.textContent = form.dataset.working;
});
// a page shown again from the history cache gets its buttons back
window.addEventListener("pageshow", function () {
  document.querySelectorAll("form button[type=submit]").forEach(function (button) {
    button.disabled = false;
    button.removeAttribute("aria-disabled");
  });
  document.querySelectorAll(".working").forEach(function (status) { status.textContent = ""; });
});
