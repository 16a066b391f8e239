-- Drives `archtrace lsp --stdio` from a real Neovim (0.7's API: vim.lsp.start_client), headless.
-- The spec (ARCHTRACE_NVIM_SPEC, JSON) names the server command and, per fixture, a file to open,
-- the line to hover and what the answers must contain. Every check that fails is recorded; the
-- report (ARCHTRACE_NVIM_REPORT) holds the failures and the answers, and Neovim exits 1 on failure.
local spec = vim.json.decode(table.concat(vim.fn.readfile(os.getenv('ARCHTRACE_NVIM_SPEC')), '\n'))
local report = { failures = {}, answers = {} }
local TIMEOUT = spec.timeoutMs or 60000
-- The server's log messages (window/logMessage) go to Neovim's LSP log, kept in the report on failure.
vim.lsp.set_log_level('info')

local function fail(case, message)
  table.insert(report.failures, case.name .. ': ' .. message)
end

local function contains(text, expected)
  return type(text) == 'string' and string.find(text, expected, 1, true) ~= nil
end

local function finish()
  if #report.failures > 0 then
    local ok, log = pcall(vim.fn.readfile, vim.lsp.get_log_path())
    if ok then report.log = vim.list_slice(log, math.max(1, #log - 60)) end
  end
  vim.fn.writefile({ vim.json.encode(report) }, os.getenv('ARCHTRACE_NVIM_REPORT'))
  if #report.failures > 0 then vim.cmd('cquit 1') else vim.cmd('qall!') end
end

local function run_case(case)
  local answers = {}
  report.answers[case.name] = answers
  local started = vim.loop.hrtime()
  local client_id = vim.lsp.start_client({
    name = 'archtrace',
    cmd = spec.command,
    cmd_env = spec.env,
    root_dir = case.root,
    workspace_folders = { { uri = vim.uri_from_fname(case.root), name = case.name } },
  })
  if not client_id then return fail(case, 'the server did not start') end
  vim.cmd('edit ' .. vim.fn.fnameescape(case.root .. '/' .. case.file))
  local bufnr = vim.api.nvim_get_current_buf()
  vim.lsp.buf_attach_client(bufnr, client_id)
  local client = vim.lsp.get_client_by_id(client_id)
  if not vim.wait(TIMEOUT, function() return client.initialized end, 20) then return fail(case, 'no answer to initialize') end
  answers.initializedMs = (vim.loop.hrtime() - started) / 1e6

  -- Diagnostics come once the first analysis is complete.
  local diagnostics_buf = vim.fn.bufadd(case.root .. '/' .. case.diagnosticsFile)
  vim.fn.bufload(diagnostics_buf)
  local got = vim.wait(TIMEOUT, function() return #vim.diagnostic.get(diagnostics_buf) > 0 end, 20)
  answers.analysedMs = (vim.loop.hrtime() - started) / 1e6
  if not got then
    fail(case, 'no diagnostics on ' .. case.diagnosticsFile)
  else
    local messages = {}
    for _, diagnostic in ipairs(vim.diagnostic.get(diagnostics_buf)) do
      table.insert(messages, diagnostic.message)
      if diagnostic.source ~= 'ArchTrace' then fail(case, 'a diagnostic whose source is ' .. tostring(diagnostic.source)) end
    end
    answers.diagnostics = messages
    if not contains(table.concat(messages, '\n'), case.diagnosticExpected) then fail(case, 'no diagnostic says "' .. case.diagnosticExpected .. '"') end
  end

  -- Hover on the route's line: its trace.
  local uri = vim.uri_from_bufnr(bufnr)
  local hover_started = vim.loop.hrtime()
  local hover, hover_error = client.request_sync('textDocument/hover', { textDocument = { uri = uri }, position = { line = case.hoverLine, character = 1 } }, TIMEOUT, bufnr)
  answers.hoverMs = (vim.loop.hrtime() - hover_started) / 1e6
  local hover_text = hover and hover.result and hover.result.contents and hover.result.contents.value
  answers.hover = hover_text
  if not hover_text then
    fail(case, 'no hover: ' .. tostring(hover_error or (hover and hover.err and hover.err.message)))
  else
    for _, expected in ipairs(case.hoverExpected) do
      if not contains(hover_text, expected) then fail(case, 'the hover does not contain "' .. expected .. '"') end
    end
  end
  -- The hover as Neovim shows it (its Markdown turned into lines for the floating window).
  if hover_text then
    answers.hoverLines = vim.lsp.util.convert_input_to_markdown_lines(hover.result.contents)
  end

  -- CodeLens: "Trace METHOD /path" and the layer role.
  local lenses = client.request_sync('textDocument/codeLens', { textDocument = { uri = uri } }, TIMEOUT, bufnr)
  local titles = {}
  for _, lens in ipairs((lenses and lenses.result) or {}) do table.insert(titles, lens.command and lens.command.title or '') end
  answers.codeLenses = titles
  for _, expected in ipairs(case.lensesExpected) do
    if not contains(table.concat(titles, '\n'), expected) then fail(case, 'no CodeLens "' .. expected .. '"') end
  end

  -- workspace/symbol: the route by method and path; jumping goes to its handler.
  local symbols = client.request_sync('workspace/symbol', { query = case.symbolQuery }, TIMEOUT, bufnr)
  local found
  answers.symbols = {}
  for _, symbol in ipairs((symbols and symbols.result) or {}) do
    table.insert(answers.symbols, symbol.name .. ' ' .. (symbol.containerName or ''))
    if symbol.name == case.symbolQuery then found = found or symbol end
  end
  if not found then
    fail(case, 'workspace/symbol "' .. case.symbolQuery .. '" found no such route')
  else
    vim.lsp.util.jump_to_location(found.location, 'utf-16')
    local line = vim.api.nvim_win_get_cursor(0)[1]
    answers.jumpedTo = vim.fn.expand('%:t') .. ':' .. line
    if answers.jumpedTo ~= case.jumpExpected then fail(case, 'the route\'s symbol jumps to ' .. answers.jumpedTo .. ', not ' .. case.jumpExpected) end
  end

  -- A route typed into the open file, never saved, is found once the server has updated.
  if case.typed then
    vim.api.nvim_set_current_buf(bufnr)
    local lines = vim.split(case.typed.text, '\n', { plain = true })
    vim.api.nvim_buf_set_lines(bufnr, -1, -1, false, lines)
    local typed_started = vim.loop.hrtime()
    local seen = vim.wait(TIMEOUT, function()
      local answer = client.request_sync('workspace/symbol', { query = case.typed.route }, 2000, bufnr)
      for _, symbol in ipairs((answer and answer.result) or {}) do
        if symbol.name == case.typed.route then return true end
      end
      return false
    end, 100)
    answers.typedSeenMs = (vim.loop.hrtime() - typed_started) / 1e6
    if not seen then fail(case, 'the route typed (' .. case.typed.route .. ') was not found before a save') end
    vim.cmd('silent! edit!') -- the fixture stays as it is on disk
  end

  vim.lsp.stop_client(client_id)
  vim.wait(5000, function() return vim.lsp.client_is_stopped(client_id) end, 20)
end

local ok, problem = pcall(function()
  for _, case in ipairs(spec.cases) do run_case(case) end
end)
if not ok then table.insert(report.failures, 'the script failed: ' .. tostring(problem)) end
finish()
