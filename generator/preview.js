/*
 * The preview page's companion (served by `showcase serve` as /__showcase/preview.js).
 *
 * Long-polls /__showcase/status: reloads the page after a successful build that rebuilt
 * it, shows an overlay listing every content problem while the content has errors (and
 * removes it once they are fixed), and says when the search index lags behind the pages.
 */
(function () {
  "use strict";

  // Whether a build after build `loaded` rebuilt the page at `path`: the edited record's
  // page is built first and the rest of the site a moment later, and a page reloads once,
  // when its own build is done.  `history` is the status's list of the last builds
  // ({build, pages: paths or null for every page}); a page that missed builds the list no
  // longer holds reloads.
  function pageRebuilt(history, loaded, path) {
    history = history || [];
    if (!history.length || history[0].build > loaded + 1) {
      return true;
    }
    return history.some(function (entry) {
      return entry.build > loaded && (entry.pages === null || entry.pages.indexOf(path) !== -1);
    });
  }

  if (typeof module === "object" && module.exports) {
    module.exports = { pageRebuilt: pageRebuilt };
    return;
  }

  var STATUS = "/__showcase/status";
  var loadedBuild = null;
  var version = -1;

  function element(tag, attrs, text) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (key) {
      node.setAttribute(key, attrs[key]);
    });
    if (text) {
      node.textContent = text;
    }
    return node;
  }

  function overlay(problems) {
    var old = document.getElementById("sk-preview-overlay");
    if (old) {
      old.remove();
    }
    var box = element("div", {
      id: "sk-preview-overlay",
      role: "alertdialog",
      "aria-modal": "true",
      "aria-labelledby": "sk-preview-title",
      style:
        "position:fixed;inset:0;z-index:10000;overflow:auto;background:rgba(20,20,20,.92);" +
        "color:#fff;font:15px/1.5 system-ui,sans-serif;padding:24px"
    });
    var errors = problems.filter(function (p) {
      return p.severity === "error";
    });
    box.appendChild(
      element(
        "h2",
        { id: "sk-preview-title", style: "color:#fff;margin:0 0 8px" },
        "Nội dung có " + errors.length + " lỗi"
      )
    );
    box.appendChild(
      element(
        "p",
        { style: "margin:0 0 16px" },
        "Sửa tệp rồi lưu lại: trang sẽ tự tải lại khi không còn lỗi."
      )
    );
    var list = element("ol", { style: "padding-left:20px" });
    problems.forEach(function (p) {
      var item = element("li", { style: "margin:0 0 12px" });
      item.appendChild(
        element(
          "code",
          { style: "color:#ffd479;word-break:break-all" },
          p.where || "lỗi dựng trang"
        )
      );
      var words = (p.severity === "error" ? "lỗi" : "cảnh báo") + (p.code ? " [" + p.code + "]" : "");
      item.appendChild(element("div", {}, words + ": " + p.message + (p.field ? " (" + p.field + ")" : "")));
      list.appendChild(item);
    });
    box.appendChild(list);
    document.body.appendChild(box);
  }

  function searchNote(state) {
    document.documentElement.setAttribute("data-sk-search", state);
    var note = document.getElementById("sk-preview-search");
    if (state === "fresh" || state === "off") {
      if (note) {
        note.remove();
      }
      return;
    }
    if (!note) {
      note = element("div", {
        id: "sk-preview-search",
        role: "status",
        style:
          "position:fixed;left:8px;bottom:8px;z-index:9999;background:#333;color:#fff;" +
          "font:13px/1.4 system-ui,sans-serif;padding:6px 10px;border-radius:4px"
      });
      document.body.appendChild(note);
    }
    note.textContent =
      state === "updating"
        ? "Đang cập nhật chỉ mục tìm kiếm: kết quả tra cứu có thể chưa mới."
        : "Chỉ mục tìm kiếm chưa cập nhật theo thay đổi mới nhất.";
  }

  function rebuilt(status) {
    return pageRebuilt(status.history, loadedBuild, window.location.pathname);
  }

  function apply(status) {
    if (loadedBuild === null) {
      loadedBuild = status.build;
    }
    if (!status.ok) {
      overlay(status.problems);
    } else if (status.build !== loadedBuild && rebuilt(status)) {
      window.location.reload();
      return;
    } else {
      loadedBuild = status.build;
      var old = document.getElementById("sk-preview-overlay");
      if (old) {
        old.remove();
      }
    }
    searchNote(status.search);
  }

  function poll() {
    var request = new XMLHttpRequest();
    request.open("GET", STATUS + "?since=" + version);
    request.timeout = 30000;
    request.onload = function () {
      if (request.status === 200) {
        var status = JSON.parse(request.responseText);
        version = status.version;
        apply(status);
      }
      setTimeout(poll, request.status === 200 ? 0 : 1000);
    };
    request.onerror = request.ontimeout = function () {
      setTimeout(poll, 1000);
    };
    request.send();
  }

  poll();
})();
