<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ko">
<context>
    <name>AutogradGraphView</name>
    <message>
        <source>.grad = None (run backward())</source>
        <translation>.grad = None (backward()를 실행하세요)</translation>
    </message>
    <message>
        <source>The grad_fn graph of the selected tensor, from the result down to its leaf tensors</source>
        <translation>선택한 텐서의 grad_fn 그래프: 결과에서 잎 텐서까지</translation>
    </message>
    <message>
        <source>Select a tensor that has a grad_fn (or requires_grad) to see its autograd graph.</source>
        <translation>autograd 그래프를 보려면 grad_fn이 있는(또는 requires_grad인) 텐서를 선택하세요.</translation>
    </message>
    <message>
        <source>This tensor is not part of an autograd graph: it has no grad_fn and does not require grad.</source>
        <translation>이 텐서는 autograd 그래프에 속하지 않습니다: grad_fn이 없고 requires_grad도 아닙니다.</translation>
    </message>
    <message>
        <source>(graph truncated after {count} nodes)</source>
        <translation>(노드 {count}개 이후 그래프 생략)</translation>
    </message>
</context>
<context>
    <name>PlaygroundPanel</name>
    <message>
        <source># Tensor playground: torch, np (NumPy) and F (torch.nn.functional) are ready to use.
# Ctrl+Enter runs the selection or the cell (cells are separated by &apos;# %%&apos; lines);
# Ctrl+Shift+Enter runs everything. Examples has every walkthrough topic.
</source>
        <translation># 텐서 플레이그라운드: torch, np(NumPy), F(torch.nn.functional)를 바로 쓸 수 있습니다.
# Ctrl+Enter는 선택 영역이나 셀을 실행합니다(셀은 &apos;# %%&apos; 줄로 나뉩니다);
# Ctrl+Shift+Enter는 전체를 실행합니다. 예제 메뉴에 튜토리얼의 모든 주제가 있습니다.
</translation>
    </message>
    <message>
        <source>Python code over torch and NumPy. Ctrl+Enter: run selection or cell; Ctrl+Shift+Enter: run all</source>
        <translation>torch와 NumPy를 쓰는 Python 코드. Ctrl+Enter: 선택 영역이나 셀 실행, Ctrl+Shift+Enter: 전체 실행</translation>
    </message>
    <message>
        <source>Run</source>
        <translation>실행</translation>
    </message>
    <message>
        <source>Run the selection, or the cell at the cursor (Ctrl+Enter)</source>
        <translation>선택 영역이나 커서가 있는 셀을 실행합니다 (Ctrl+Enter)</translation>
    </message>
    <message>
        <source>Run all</source>
        <translation>전체 실행</translation>
    </message>
    <message>
        <source>Run the whole editor (Ctrl+Shift+Enter)</source>
        <translation>편집기 전체를 실행합니다 (Ctrl+Shift+Enter)</translation>
    </message>
    <message>
        <source>Interrupt</source>
        <translation>중단</translation>
    </message>
    <message>
        <source>Stop the running code (Ctrl+.); variables assigned so far are kept</source>
        <translation>실행 중인 코드를 멈춥니다 (Ctrl+.). 그때까지 만든 변수는 유지됩니다</translation>
    </message>
    <message>
        <source>Examples</source>
        <translation>예제</translation>
    </message>
    <message>
        <source>Insert a walkthrough snippet as a new cell at the end of the editor</source>
        <translation>튜토리얼 코드 조각을 편집기 끝에 새 셀로 넣습니다</translation>
    </message>
    <message>
        <source>Safe</source>
        <translation>안전</translation>
    </message>
    <message>
        <source>Python</source>
        <translation>Python</translation>
    </message>
    <message>
        <source>A checked subset of Python over torch and NumPy: safe for code from anywhere</source>
        <translation>torch와 NumPy를 쓰는, 검사된 Python 부분 집합: 어디서 온 코드든 안전합니다</translation>
    </message>
    <message>
        <source>Any Python, as in a notebook (classes, Dataset, DataLoader, torchvision, save and load), in a separate process: only for code you trust</source>
        <translation>노트북처럼 모든 Python(클래스, Dataset, DataLoader, torchvision, 저장/불러오기)을 별도 프로세스에서 실행: 믿을 수 있는 코드에만 쓰세요</translation>
    </message>
    <message>
        <source>Safe: a checked subset of Python. Python: any code, as in a notebook, in a separate process (only for code you trust)</source>
        <translation>안전: 검사된 Python 부분 집합. Python: 노트북처럼 모든 코드를 별도 프로세스에서 실행(믿을 수 있는 코드에만)</translation>
    </message>
    <message>
        <source>Use in panels</source>
        <translation>패널에서 사용</translation>
    </message>
    <message>
        <source>Offer the selected model (an nn.Module, or its class) in the Model, Train and Classify pickers, to inspect, train and draw on</source>
        <translation>선택한 모델(nn.Module 또는 그 클래스)을 모델·학습·분류 선택 목록에 올려 살펴보고, 학습하고, 그려 볼 수 있게 합니다</translation>
    </message>
    <message>
        <source>Restart</source>
        <translation>다시 시작</translation>
    </message>
    <message>
        <source>Start a fresh worker process: every variable is forgotten, the editor stays</source>
        <translation>새 작업 프로세스를 시작합니다: 모든 변수는 사라지고 편집기 내용은 남습니다</translation>
    </message>
    <message>
        <source>Clear variables</source>
        <translation>변수 지우기</translation>
    </message>
    <message>
        <source>Forget every variable (the editor text stays)</source>
        <translation>모든 변수를 지웁니다 (편집기 내용은 남습니다)</translation>
    </message>
    <message>
        <source>What the playground is doing</source>
        <translation>플레이그라운드가 하고 있는 일</translation>
    </message>
    <message>
        <source>What the code printed, in torch&apos;s own format; errors in red with their line</source>
        <translation>코드가 출력한 내용(torch 고유 형식). 오류는 줄 번호와 함께 빨간색으로 표시</translation>
    </message>
    <message>
        <source>Every run; double-click one to run it again, or copy it into the editor</source>
        <translation>모든 실행 기록. 두 번 클릭하면 다시 실행하고, 편집기로 복사할 수도 있습니다</translation>
    </message>
    <message>
        <source>Copy to editor</source>
        <translation>편집기로 복사</translation>
    </message>
    <message>
        <source>Append the selected run to the editor as a new cell</source>
        <translation>선택한 실행의 코드를 편집기 끝에 새 셀로 붙입니다</translation>
    </message>
    <message>
        <source>Output</source>
        <translation>출력</translation>
    </message>
    <message>
        <source>History</source>
        <translation>기록</translation>
    </message>
    <message>
        <source>What the code printed</source>
        <translation>코드가 출력한 내용</translation>
    </message>
    <message>
        <source>Every run, newest first</source>
        <translation>모든 실행 기록, 최신순</translation>
    </message>
    <message>
        <source>Values</source>
        <translation>값</translation>
    </message>
    <message>
        <source>Autograd graph</source>
        <translation>Autograd 그래프</translation>
    </message>
    <message>
        <source>The selected variable&apos;s values: grid, heatmap, histogram</source>
        <translation>선택한 변수의 값: 표, 히트맵, 히스토그램</translation>
    </message>
    <message>
        <source>The selected tensor&apos;s grad_fn graph down to its leaves, with .grad after backward()</source>
        <translation>선택한 텐서의 grad_fn 그래프(잎까지). backward() 뒤에는 .grad도 표시</translation>
    </message>
    <message>
        <source>The playground is still running; interrupt it first (Ctrl+.)</source>
        <translation>플레이그라운드가 아직 실행 중입니다. 먼저 중단하세요 (Ctrl+.)</translation>
    </message>
    <message>
        <source>Nothing to run here: the cell is empty.</source>
        <translation>실행할 것이 없습니다: 셀이 비어 있습니다.</translation>
    </message>
    <message>
        <source>── run {number} (line {line}) ──</source>
        <translation>── 실행 {number} ({line}번째 줄) ──</translation>
    </message>
    <message>
        <source>── run {number} (lines {first}–{last}) ──</source>
        <translation>── 실행 {number} ({first}–{last}번째 줄) ──</translation>
    </message>
    <message>
        <source>Interrupting…</source>
        <translation>중단하는 중…</translation>
    </message>
    <message>
        <source>Variables cleared.</source>
        <translation>변수를 지웠습니다.</translation>
    </message>
    <message>
        <source>Select a tensor to see its autograd graph.</source>
        <translation>autograd 그래프를 보려면 텐서를 선택하세요.</translation>
    </message>
    <message>
        <source>Full Python: any code, in its own process.</source>
        <translation>전체 Python: 모든 코드를 별도 프로세스에서 실행합니다.</translation>
    </message>
    <message>
        <source>Safe mode: the checked subset of Python.</source>
        <translation>안전 모드: 검사된 Python 부분 집합입니다.</translation>
    </message>
    <message>
        <source>Select a model in the variables table first.</source>
        <translation>먼저 변수 표에서 모델을 선택하세요.</translation>
    </message>
    <message>
        <source>Sending {name} to the panels…</source>
        <translation>{name}을(를) 패널로 보내는 중…</translation>
    </message>
    <message>
        <source>Not sent: {reason}.</source>
        <translation>보내지 못했습니다: {reason}.</translation>
    </message>
    <message>
        <source>the Data and Train panels&apos; dataset pickers</source>
        <translation>데이터·학습 패널의 데이터셋 선택 목록</translation>
    </message>
    <message>
        <source>the Data and Train panels&apos; transform lists</source>
        <translation>데이터·학습 패널의 변형 목록</translation>
    </message>
    <message>
        <source>the Model, Train and Classify pickers</source>
        <translation>모델·학습·분류 선택 목록</translation>
    </message>
    <message>
        <source>{name} is in {where} as &apos;{name} (from the playground)&apos; (id {id}).</source>
        <translation>{name}이(가) {where}에 &apos;{name} (플레이그라운드에서)&apos;(id {id})로 올라갔습니다.</translation>
    </message>
    <message>
        <source>the playground ({name})</source>
        <translation>플레이그라운드 ({name})</translation>
    </message>
    <message>
        <source>Run any Python code?</source>
        <translation>어떤 Python 코드든 실행할까요?</translation>
    </message>
    <message>
        <source>Python mode runs any code you type or paste, as a notebook does: it can read and change your files. It runs in a separate process, so it cannot freeze or crash the app.

Use it for your own code and code you trust; Safe mode is for code from anywhere.</source>
        <translation>Python 모드는 노트북처럼 입력하거나 붙여 넣은 모든 코드를 실행합니다: 파일을 읽고 바꿀 수 있습니다. 별도 프로세스에서 실행되므로 앱을 멈추거나 죽게 하지는 않습니다.

직접 쓴 코드와 믿을 수 있는 코드에만 쓰세요. 어디서 온 코드든 안전하게 돌리려면 안전 모드를 쓰세요.</translation>
    </message>
    <message>
        <source>Restarted: no variables yet.</source>
        <translation>다시 시작했습니다: 아직 변수가 없습니다.</translation>
    </message>
    <message>
        <source>Restarted: a fresh process, no variables.</source>
        <translation>다시 시작했습니다: 새 프로세스, 변수 없음.</translation>
    </message>
    <message>
        <source>Running…</source>
        <translation>실행 중…</translation>
    </message>
    <message>
        <source>Ran in {ms:.0f} ms</source>
        <translation>{ms:.0f} ms 만에 실행</translation>
    </message>
    <message>
        <source>Ran in {seconds:.1f} s</source>
        <translation>{seconds:.1f}초 만에 실행</translation>
    </message>
    <message>
        <source>Stopped hard; variables cleared</source>
        <translation>강제로 멈췄습니다. 변수가 지워졌습니다</translation>
    </message>
    <message>
        <source>Interrupted at line {line}</source>
        <translation>{line}번째 줄에서 중단됨</translation>
    </message>
    <message>
        <source>Syntax error at line {line}</source>
        <translation>{line}번째 줄에 문법 오류</translation>
    </message>
    <message>
        <source>Refused at line {line}</source>
        <translation>{line}번째 줄에서 거부됨</translation>
    </message>
    <message>
        <source>Too big at line {line}</source>
        <translation>{line}번째 줄: 너무 큼</translation>
    </message>
    <message>
        <source>Error at line {line}</source>
        <translation>{line}번째 줄에서 오류</translation>
    </message>
    <message>
        <source>from history ({run})</source>
        <translation>기록에서 ({run})</translation>
    </message>
    <message>
        <source>Inserted &apos;{title}&apos;: press Ctrl+Enter to run it.</source>
        <translation>&apos;{title}&apos;을(를) 넣었습니다: Ctrl+Enter로 실행하세요.</translation>
    </message>
    <message>
        <source>The playground restarted; run your code again to get its variables back.</source>
        <translation>플레이그라운드가 다시 시작되었습니다. 변수를 되찾으려면 코드를 다시 실행하세요.</translation>
    </message>
    <message>
        <source>Code is running in the Playground.</source>
        <translation>플레이그라운드에서 코드가 실행 중입니다.</translation>
    </message>
</context>
<context>
    <name>PlaygroundRunner</name>
    <message>
        <source>it could not be rebuilt in the app ({reason})</source>
        <translation>앱에서 다시 만들 수 없습니다 ({reason})</translation>
    </message>
</context>
<context>
    <name>TensorViewer</name>
    <message>
        <source>Select a variable to see its values.</source>
        <translation>값을 보려면 변수를 선택하세요.</translation>
    </message>
    <message>
        <source>The values of the selected tensor (or of the chosen 2-d slice)</source>
        <translation>선택한 텐서(또는 고른 2차원 조각)의 값</translation>
    </message>
    <message>
        <source>Heatmap of the selected 2-d tensor or slice; the colour bar maps values to colours</source>
        <translation>선택한 2차원 텐서나 조각의 히트맵. 색 막대가 값과 색을 대응시킵니다</translation>
    </message>
    <message>
        <source>count</source>
        <translation>개수</translation>
    </message>
    <message>
        <source>value</source>
        <translation>값</translation>
    </message>
    <message>
        <source>How the values of the whole tensor are distributed</source>
        <translation>텐서 전체 값의 분포</translation>
    </message>
    <message>
        <source>Grid</source>
        <translation>표</translation>
    </message>
    <message>
        <source>Heatmap</source>
        <translation>히트맵</translation>
    </message>
    <message>
        <source>Histogram</source>
        <translation>히스토그램</translation>
    </message>
    <message>
        <source>Values as a table (first 200×200)</source>
        <translation>값을 표로 (처음 200×200)</translation>
    </message>
    <message>
        <source>2-d values as colours</source>
        <translation>2차원 값을 색으로</translation>
    </message>
    <message>
        <source>Distribution of all values</source>
        <translation>모든 값의 분포</translation>
    </message>
    <message>
        <source>The value of the selected variable</source>
        <translation>선택한 변수의 값</translation>
    </message>
    <message>
        <source>Slice:</source>
        <translation>조각:</translation>
    </message>
    <message>
        <source>dim {dim} = </source>
        <translation>차원 {dim} = </translation>
    </message>
    <message>
        <source>Which index of dimension {dim} to show (size {size})</source>
        <translation>보여 줄 {dim}번 차원의 인덱스 (크기 {size})</translation>
    </message>
    <message>
        <source>showing {index}</source>
        <translation>{index} 표시 중</translation>
    </message>
    <message>
        <source>grid shows the first {rows}×{columns}</source>
        <translation>표에는 처음 {rows}×{columns}만 표시</translation>
    </message>
</context>
<context>
    <name>VariablesModel</name>
    <message>
        <source>Name</source>
        <translation>이름</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>타입</translation>
    </message>
    <message>
        <source>Shape</source>
        <translation>모양</translation>
    </message>
    <message>
        <source>dtype</source>
        <translation>dtype</translation>
    </message>
    <message>
        <source>Device</source>
        <translation>장치</translation>
    </message>
    <message>
        <source>requires_grad</source>
        <translation>requires_grad</translation>
    </message>
    <message>
        <source>Shares memory with</source>
        <translation>메모리 공유</translation>
    </message>
    <message>
        <source>The variable&apos;s name in the playground</source>
        <translation>플레이그라운드에서 쓰는 변수 이름</translation>
    </message>
    <message>
        <source>Its Python type</source>
        <translation>Python 타입</translation>
    </message>
    <message>
        <source>Its shape (tensors and arrays) or length</source>
        <translation>모양(텐서와 배열) 또는 길이</translation>
    </message>
    <message>
        <source>Element type</source>
        <translation>원소 타입</translation>
    </message>
    <message>
        <source>Where the tensor lives</source>
        <translation>텐서가 있는 장치</translation>
    </message>
    <message>
        <source>Whether autograd tracks operations on it</source>
        <translation>autograd가 이 값의 연산을 추적하는지 여부</translation>
    </message>
    <message>
        <source>NumPy bridge: the tensor and the array named here share memory, so changing one changes the other</source>
        <translation>NumPy 변환: 여기 적힌 텐서와 배열은 메모리를 공유하므로, 하나를 바꾸면 다른 하나도 바뀝니다</translation>
    </message>
    <message>
        <source>{name} shares memory with {others}: changing one changes the other</source>
        <translation>{name}은(는) {others}와(과) 메모리를 공유합니다: 하나를 바꾸면 다른 하나도 바뀝니다</translation>
    </message>
</context>
<context>
    <name>VariablesTable</name>
    <message>
        <source>Every variable of the playground; select one to see its values and autograd graph</source>
        <translation>플레이그라운드의 모든 변수. 하나를 선택하면 값과 autograd 그래프를 봅니다</translation>
    </message>
</context>
<context>
    <name>autograd_graph</name>
    <message>
        <source>scalar</source>
        <translation>스칼라</translation>
    </message>
    <message>
        <source>result</source>
        <translation>결과</translation>
    </message>
    <message>
        <source>gives {names}</source>
        <translation>만든 값: {names}</translation>
    </message>
    <message>
        <source>leaf</source>
        <translation>잎</translation>
    </message>
</context>
<context>
    <name>examples</name>
    <message>
        <source>Tensors from data</source>
        <translation>데이터로부터 텐서 만들기</translation>
    </message>
    <message>
        <source>Tensors from NumPy arrays</source>
        <translation>NumPy 배열로부터 텐서 만들기</translation>
    </message>
    <message>
        <source>Tensors from other tensors</source>
        <translation>다른 텐서로부터 텐서 만들기</translation>
    </message>
    <message>
        <source>Random and constant tensors of a shape</source>
        <translation>주어진 모양의 무작위·상수 텐서</translation>
    </message>
    <message>
        <source>Joining tensors with torch.cat</source>
        <translation>torch.cat으로 텐서 합치기</translation>
    </message>
    <message>
        <source>Matrix and element-wise products (three ways each)</source>
        <translation>행렬 곱과 요소별 곱 (각각 세 가지 방법)</translation>
    </message>
    <message>
        <source>In-place operations (add_)</source>
        <translation>바꿔치기 연산 (add_)</translation>
    </message>
    <message>
        <source>NumPy bridge: tensor to NumPy</source>
        <translation>NumPy 변환: 텐서를 NumPy로</translation>
    </message>
    <message>
        <source>NumPy bridge: NumPy to tensor</source>
        <translation>NumPy 변환: NumPy를 텐서로</translation>
    </message>
    <message>
        <source>Autograd: gradients with backward()</source>
        <translation>Autograd: backward()로 변화도 계산</translation>
    </message>
    <message>
        <source>Autograd: stop tracking with torch.no_grad()</source>
        <translation>Autograd: torch.no_grad()로 추적 멈추기</translation>
    </message>
</context>
<context>
    <name>kernel</name>
    <message>
        <source>… the rest of this run&apos;s output is not shown: the console keeps the first {count:,} characters of each run.</source>
        <translation>… 이번 실행의 나머지 출력은 표시하지 않습니다: 콘솔은 실행마다 처음 {count:,}자만 보관합니다.</translation>
    </message>
    <message>
        <source>… ({count:,} more characters on this line)</source>
        <translation>… (이 줄에 {count:,}자 더 있음)</translation>
    </message>
    <message>
        <source>{size:.1f} GB</source>
        <translation>{size:.1f} GB</translation>
    </message>
    <message>
        <source>the memory it may use</source>
        <translation>허용된 메모리</translation>
    </message>
    <message>
        <source>out of memory: the playground may use at most {cap}. Use smaller tensors, or delete big variables (Clear variables); your variables are kept.</source>
        <translation>메모리가 부족합니다: 플레이그라운드는 최대 {cap}까지 쓸 수 있습니다. 더 작은 텐서를 쓰거나 큰 변수를 지우세요(변수 지우기). 변수는 유지됩니다.</translation>
    </message>
    <message>
        <source>there is no variable {name!r}</source>
        <translation>{name!r} 변수가 없습니다</translation>
    </message>
</context>
<context>
    <name>kernel_client</name>
    <message>
        <source>only Python mode can send a model to the panels</source>
        <translation>Python 모드에서만 모델을 패널로 보낼 수 있습니다</translation>
    </message>
    <message>
        <source>the playground&apos;s worker did not answer</source>
        <translation>플레이그라운드 작업 프로세스가 응답하지 않았습니다</translation>
    </message>
    <message>
        <source>The playground is shutting down.</source>
        <translation>플레이그라운드가 종료되는 중입니다.</translation>
    </message>
    <message>
        <source>interrupted while the playground&apos;s worker was starting</source>
        <translation>플레이그라운드 작업 프로세스가 시작되는 동안 중단되었습니다</translation>
    </message>
    <message>
        <source>The playground&apos;s worker process could not start (exit code {code}). Check that torch imports in this Python (python -c &apos;import torch&apos;).</source>
        <translation>플레이그라운드 작업 프로세스를 시작할 수 없습니다(종료 코드 {code}). 이 Python에서 torch를 가져올 수 있는지 확인하세요 (python -c &apos;import torch&apos;).</translation>
    </message>
    <message>
        <source>The playground&apos;s worker did not start within {seconds:.0f} s; the machine may be very busy. Run again.</source>
        <translation>플레이그라운드 작업 프로세스가 {seconds:.0f}초 안에 시작하지 않았습니다. 컴퓨터가 매우 바쁠 수 있습니다. 다시 실행하세요.</translation>
    </message>
    <message>
        <source>the run took longer than the playground&apos;s limit of {seconds:g} s and was stopped; the variables assigned so far are kept. Set TORCHDESK_PLAYGROUND_TIME_LIMIT (seconds, 0 for none) for longer runs.</source>
        <translation>실행이 플레이그라운드 한도인 {seconds:g}초를 넘겨 멈췄습니다. 그때까지 만든 변수는 유지됩니다. 더 오래 실행하려면 TORCHDESK_PLAYGROUND_TIME_LIMIT(초, 0이면 제한 없음)를 설정하세요.</translation>
    </message>
    <message>
        <source>the code did not stop within {seconds:g} s (it was inside one long operation), so the playground&apos;s worker was stopped and restarted: every variable is gone. Your code is still in the editor.</source>
        <translation>코드가 {seconds:g}초 안에 멈추지 않아(긴 연산 하나를 실행하던 중) 플레이그라운드 작업 프로세스를 멈추고 다시 시작했습니다: 모든 변수가 사라졌습니다. 코드는 편집기에 그대로 있습니다.</translation>
    </message>
    <message>
        <source>the run took longer than the playground&apos;s limit of {seconds:g} s and was stopped; the worker restarted, so every variable is gone. Set TORCHDESK_PLAYGROUND_TIME_LIMIT (seconds, 0 for none) for longer runs.</source>
        <translation>실행이 플레이그라운드 한도인 {seconds:g}초를 넘겨 멈췄습니다. 작업 프로세스가 다시 시작되어 모든 변수가 사라졌습니다. 더 오래 실행하려면 TORCHDESK_PLAYGROUND_TIME_LIMIT(초, 0이면 제한 없음)를 설정하세요.</translation>
    </message>
    <message>
        <source>the code used more than {size:.1f} GB of memory, so the playground&apos;s worker was stopped and restarted: every variable is gone. Use smaller tensors.</source>
        <translation>코드가 메모리를 {size:.1f} GB 넘게 써서 플레이그라운드 작업 프로세스를 멈추고 다시 시작했습니다: 모든 변수가 사라졌습니다. 더 작은 텐서를 쓰세요.</translation>
    </message>
    <message>
        <source>interrupted: the playground closed</source>
        <translation>중단됨: 플레이그라운드가 닫혔습니다</translation>
    </message>
    <message>
        <source>signal {number}</source>
        <translation>시그널 {number}</translation>
    </message>
    <message>
        <source>exit code {code}</source>
        <translation>종료 코드 {code}</translation>
    </message>
    <message>
        <source>the playground&apos;s worker process ended unexpectedly ({how}); a fresh one has started, so every variable is gone. Your code is still in the editor.</source>
        <translation>플레이그라운드 작업 프로세스가 예기치 않게 끝났습니다({how}). 새 프로세스가 시작되어 모든 변수가 사라졌습니다. 코드는 편집기에 그대로 있습니다.</translation>
    </message>
</context>
<context>
    <name>playground.allowlist</name>
    <message>
        <source>tensor</source>
        <translation>텐서</translation>
    </message>
    <message>
        <source>numpy scalar</source>
        <translation>numpy 스칼라</translation>
    </message>
    <message>
        <source>array flags</source>
        <translation>배열 flags</translation>
    </message>
    <message>
        <source>number</source>
        <translation>숫자</translation>
    </message>
    <message>
        <source>{name}() is not available in the playground: it could run or reach code outside the sandbox</source>
        <translation>플레이그라운드에서는 {name}()을(를) 쓸 수 없습니다: 샌드박스 밖의 코드를 실행하거나 건드릴 수 있습니다</translation>
    </message>
    <message>
        <source>open() is not available in the playground: code here cannot read or write files</source>
        <translation>플레이그라운드에서는 open()을 쓸 수 없습니다: 여기서는 파일을 읽거나 쓸 수 없습니다</translation>
    </message>
    <message>
        <source>__import__ is not available in the playground: only torch and numpy can be used</source>
        <translation>플레이그라운드에서는 __import__를 쓸 수 없습니다: torch와 numpy만 쓸 수 있습니다</translation>
    </message>
    <message>
        <source>&apos;{name}&apos; is not available</source>
        <translation>&apos;{name}&apos;은(는) 쓸 수 없습니다</translation>
    </message>
</context>
<context>
    <name>playground.desk</name>
    <message>
        <source>desk.train(model, dataset=&apos;mnist&apos;, epochs=1): dataset is an id, epochs a whole number &gt;= 1</source>
        <translation>desk.train(model, dataset=&apos;mnist&apos;, epochs=1): dataset은 id, epochs는 1 이상의 정수입니다</translation>
    </message>
    <message>
        <source>desk.train(model, dataset=...): dataset is an id or a Dataset, not {type}</source>
        <translation>desk.train(model, dataset=...): dataset은 id나 Dataset이어야 합니다. {type}은(는) 안 됩니다</translation>
    </message>
    <message>
        <source>desk.{action} takes a model (an nn.Module or a subclass of it), not {type}</source>
        <translation>desk.{action}에는 모델(nn.Module 또는 그 하위 클래스)을 넘기세요. {type}은(는) 안 됩니다</translation>
    </message>
    <message>
        <source>desk.{action}: no app is attached to this session (a headless PythonSession); nothing was sent.</source>
        <translation>desk.{action}: 이 세션에는 앱이 연결되어 있지 않습니다(화면 없는 PythonSession). 아무것도 보내지 않았습니다.</translation>
    </message>
    <message>
        <source>desk.{action}: {name} sent to the app.</source>
        <translation>desk.{action}: {name}을(를) 앱으로 보냈습니다.</translation>
    </message>
</context>
<context>
    <name>playground.errors</name>
    <message>
        <source>line {line}: {message}</source>
        <translation>{line}번째 줄: {message}</translation>
    </message>
</context>
<context>
    <name>playground.evaluator</name>
    <message>
        <source>print(..., file=...) is not available: the playground only prints to its console</source>
        <translation>print(..., file=...)는 쓸 수 없습니다: 플레이그라운드는 콘솔에만 출력합니다</translation>
    </message>
    <message>
        <source>sum() with a list, tuple or string start is not available; use + or torch.cat</source>
        <translation>시작값이 리스트, 튜플, 문자열인 sum()은 쓸 수 없습니다. +나 torch.cat을 쓰세요</translation>
    </message>
    <message>
        <source>&apos;break&apos;/&apos;continue&apos; outside a loop</source>
        <translation>반복문 밖의 &apos;break&apos;/&apos;continue&apos;</translation>
    </message>
    <message>
        <source>the expression is nested too deeply</source>
        <translation>식이 너무 깊게 중첩되어 있습니다</translation>
    </message>
    <message>
        <source>stopped after the time limit of {seconds:g} s</source>
        <translation>제한 시간 {seconds:g}초가 지나 멈췄습니다</translation>
    </message>
    <message>
        <source>{kind} statements are not available in the playground</source>
        <translation>플레이그라운드에서는 {kind} 문을 쓸 수 없습니다</translation>
    </message>
    <message>
        <source>this kind of augmented assignment is not available</source>
        <translation>이런 종류의 복합 대입은 쓸 수 없습니다</translation>
    </message>
    <message>
        <source>deleting items of a {type} is not available</source>
        <translation>{type}의 항목은 삭제할 수 없습니다</translation>
    </message>
    <message>
        <source>only names and list/dict items can be deleted</source>
        <translation>이름과 리스트/딕셔너리 항목만 삭제할 수 있습니다</translation>
    </message>
    <message>
        <source>cannot loop over a {type} in the playground</source>
        <translation>플레이그라운드에서는 {type} 값으로 반복할 수 없습니다</translation>
    </message>
    <message>
        <source>&apos;with&apos; works only with torch.no_grad() and torch.enable_grad(), not a {type}</source>
        <translation>&apos;with&apos;는 torch.no_grad()와 torch.enable_grad()에만 쓸 수 있습니다. {type}에는 쓸 수 없습니다</translation>
    </message>
    <message>
        <source>&apos;with ... as name&apos; is not available for these context managers</source>
        <translation>이 컨텍스트 관리자에는 &apos;with ... as name&apos;을 쓸 수 없습니다</translation>
    </message>
    <message>
        <source>&apos;import {module}&apos; is not available in the playground</source>
        <translation>플레이그라운드에서는 &apos;import {module}&apos;을(를) 쓸 수 없습니다</translation>
    </message>
    <message>
        <source>&apos;from {module} import ...&apos; is not available in the playground</source>
        <translation>플레이그라운드에서는 &apos;from {module} import ...&apos;를 쓸 수 없습니다</translation>
    </message>
    <message>
        <source>{name} is not available in the playground</source>
        <translation>플레이그라운드에서는 {name}을(를) 쓸 수 없습니다</translation>
    </message>
    <message>
        <source>starred assignment is not available in the playground</source>
        <translation>플레이그라운드에서는 별표(*) 대입을 쓸 수 없습니다</translation>
    </message>
    <message>
        <source>this assignment target is not available in the playground</source>
        <translation>플레이그라운드에서는 이 대입 대상을 쓸 수 없습니다</translation>
    </message>
    <message>
        <source>&apos;{name}&apos;: double-underscore names are not available</source>
        <translation>&apos;{name}&apos;: 이중 밑줄 이름은 쓸 수 없습니다</translation>
    </message>
    <message>
        <source>assigning items of a {type} is not available</source>
        <translation>{type}의 항목에는 대입할 수 없습니다</translation>
    </message>
    <message>
        <source>setting &apos;.{name}&apos; on a {type} is not available in the playground</source>
        <translation>플레이그라운드에서는 {type}의 &apos;.{name}&apos;을(를) 설정할 수 없습니다</translation>
    </message>
    <message>
        <source>{kind} expressions are not available in the playground</source>
        <translation>플레이그라운드에서는 {kind} 식을 쓸 수 없습니다</translation>
    </message>
    <message>
        <source>cannot unpack a {type} with * in the playground</source>
        <translation>플레이그라운드에서는 {type} 값을 *로 풀 수 없습니다</translation>
    </message>
    <message>
        <source>this matrix product</source>
        <translation>이 행렬 곱</translation>
    </message>
    <message>
        <source>{left} ** {right} would be a {bits:,}-bit number, too large</source>
        <translation>{left} ** {right}는 {bits:,}비트 수가 되어 너무 큽니다</translation>
    </message>
    <message>
        <source>{left} &lt;&lt; {right} would be too large a number</source>
        <translation>{left} &lt;&lt; {right}는 너무 큰 수가 됩니다</translation>
    </message>
    <message>
        <source>this product would be too large a number</source>
        <translation>이 곱은 너무 큰 수가 됩니다</translation>
    </message>
    <message>
        <source>this comparison</source>
        <translation>이 비교</translation>
    </message>
    <message>
        <source>{what} (comparing tensors of different shapes)</source>
        <translation>{what} (모양이 다른 텐서끼리 비교)</translation>
    </message>
    <message>
        <source>indexing a {type} is not available in the playground</source>
        <translation>플레이그라운드에서는 {type} 값을 인덱싱할 수 없습니다</translation>
    </message>
    <message>
        <source>this indexing result</source>
        <translation>이 인덱싱 결과</translation>
    </message>
    <message>
        <source>* is only available inside calls and list/tuple literals</source>
        <translation>*는 함수 호출과 리스트/튜플 리터럴 안에서만 쓸 수 있습니다</translation>
    </message>
    <message>
        <source>&apos;.{name}&apos;: private and double-underscore attributes are not available</source>
        <translation>&apos;.{name}&apos;: 비공개 속성과 이중 밑줄 속성은 쓸 수 없습니다</translation>
    </message>
    <message>
        <source>{name} is not available in the playground: did you mean {guess}?</source>
        <translation>플레이그라운드에서는 {name}을(를) 쓸 수 없습니다: {guess}을(를) 말씀하신 건가요?</translation>
    </message>
    <message>
        <source>attributes of the class {name} are not available in the playground</source>
        <translation>플레이그라운드에서는 {name} 클래스의 속성을 쓸 수 없습니다</translation>
    </message>
    <message>
        <source>attributes of a {type} are not available in the playground</source>
        <translation>플레이그라운드에서는 {type} 값의 속성을 쓸 수 없습니다</translation>
    </message>
    <message>
        <source>double-underscore keyword arguments are not available</source>
        <translation>이중 밑줄 키워드 인자는 쓸 수 없습니다</translation>
    </message>
    <message>
        <source>calling {what} is not available in the playground</source>
        <translation>플레이그라운드에서는 {what}을(를) 호출할 수 없습니다</translation>
    </message>
    <message>
        <source>the result of {what}</source>
        <translation>{what}의 결과</translation>
    </message>
    <message>
        <source>key= functions are not available in the playground; sort tensors with torch.sort</source>
        <translation>플레이그라운드에서는 key= 함수를 쓸 수 없습니다. 텐서는 torch.sort로 정렬하세요</translation>
    </message>
    <message>
        <source>passing the function {what} as an argument is not available in the playground</source>
        <translation>플레이그라운드에서는 함수 {what}을(를) 인자로 넘길 수 없습니다</translation>
    </message>
    <message>
        <source>cannot build a collection from a {type} in the playground</source>
        <translation>플레이그라운드에서는 {type} 값으로 컬렉션을 만들 수 없습니다</translation>
    </message>
    <message>
        <source>a format width or precision of {width:,} would build a string over the playground&apos;s limit of {limit:,} characters; use a smaller width</source>
        <translation>서식 너비나 정밀도 {width:,}는 플레이그라운드 한도인 {limit:,}자를 넘는 문자열을 만듭니다. 더 작은 너비를 쓰세요</translation>
    </message>
    <message>
        <source>a list or string of {length:,} items is over the playground&apos;s limit of {limit:,}; use a tensor</source>
        <translation>항목 {length:,}개짜리 리스트나 문자열은 플레이그라운드 한도인 {limit:,}개를 넘습니다. 텐서를 쓰세요</translation>
    </message>
    <message>
        <source>the module {name}</source>
        <translation>{name} 모듈</translation>
    </message>
    <message>
        <source>a {type}</source>
        <translation>{type} 값</translation>
    </message>
    <message>
        <source>interrupted</source>
        <translation>중단됨</translation>
    </message>
    <message>
        <source>the result</source>
        <translation>결과</translation>
    </message>
    <message>
        <source>out of memory: use smaller tensors</source>
        <translation>메모리가 부족합니다: 더 작은 텐서를 쓰세요</translation>
    </message>
</context>
<context>
    <name>playground.limits</name>
    <message>
        <source>{what} would hold {count:,} elements, over the playground&apos;s limit of {limit:,}; use a smaller shape</source>
        <translation>{what}: 원소가 {count:,}개가 되어 플레이그라운드 한도인 {limit:,}개를 넘습니다. 더 작은 모양을 쓰세요</translation>
    </message>
    <message>
        <source>this value nests lists, tuples or dicts more than {depth} levels deep, over the playground&apos;s limit of {depth}; keep the data flatter, or use a tensor</source>
        <translation>이 값은 리스트, 튜플, 딕셔너리가 {depth}단계보다 깊게 중첩되어 플레이그라운드 한도인 {depth}단계를 넘습니다. 데이터를 더 평평하게 하거나 텐서를 쓰세요</translation>
    </message>
    <message>
        <source>this value holds {items:,} items once each shared part is counted every time it appears, over the playground&apos;s limit of {limit:,}; build it from fewer repeats, or use a tensor</source>
        <translation>이 값은 공유된 부분을 나올 때마다 세면 항목이 {items:,}개로, 플레이그라운드 한도인 {limit:,}개를 넘습니다. 반복을 줄여 만들거나 텐서를 쓰세요</translation>
    </message>
    <message>
        <source>{what} would make {count:,} separate tensors, over the playground&apos;s limit of {limit:,}; use fewer, larger pieces, or work on the whole tensor (t.sum(), t.max(), torch.sort(t))</source>
        <translation>{what}: 텐서가 {count:,}개 따로 만들어져 플레이그라운드 한도인 {limit:,}개를 넘습니다. 더 적고 큰 조각을 쓰거나 텐서 전체로 계산하세요 (t.sum(), t.max(), torch.sort(t))</translation>
    </message>
    <message>
        <source>{what} would take about {flops:.2g} multiply-adds, over the playground&apos;s limit of {limit:.2g}; use smaller matrices</source>
        <translation>{what}: 곱셈-덧셈이 약 {flops:.2g}번 필요해 플레이그라운드 한도인 {limit:.2g}번을 넘습니다. 더 작은 행렬을 쓰세요</translation>
    </message>
</context>
<context>
    <name>playground.validate</name>
    <message>
        <source>lambda functions are not available in the playground</source>
        <translation>플레이그라운드에서는 lambda 함수를 쓸 수 없습니다</translation>
    </message>
    <message>
        <source>list comprehensions are not available in the playground; use a for loop or a tensor operation</source>
        <translation>플레이그라운드에서는 리스트 컴프리헨션을 쓸 수 없습니다. for 반복문이나 텐서 연산을 쓰세요</translation>
    </message>
    <message>
        <source>set comprehensions are not available in the playground; use a for loop</source>
        <translation>플레이그라운드에서는 집합 컴프리헨션을 쓸 수 없습니다. for 반복문을 쓰세요</translation>
    </message>
    <message>
        <source>dict comprehensions are not available in the playground; use a for loop</source>
        <translation>플레이그라운드에서는 딕셔너리 컴프리헨션을 쓸 수 없습니다. for 반복문을 쓰세요</translation>
    </message>
    <message>
        <source>generator expressions are not available in the playground; use a for loop or a tensor operation</source>
        <translation>플레이그라운드에서는 제너레이터 식을 쓸 수 없습니다. for 반복문이나 텐서 연산을 쓰세요</translation>
    </message>
    <message>
        <source>defining functions is not available in the playground</source>
        <translation>플레이그라운드에서는 함수를 정의할 수 없습니다</translation>
    </message>
    <message>
        <source>defining classes is not available in the playground</source>
        <translation>플레이그라운드에서는 클래스를 정의할 수 없습니다</translation>
    </message>
    <message>
        <source>try/except is not available in the playground</source>
        <translation>플레이그라운드에서는 try/except를 쓸 수 없습니다</translation>
    </message>
    <message>
        <source>raise is not available in the playground</source>
        <translation>플레이그라운드에서는 raise를 쓸 수 없습니다</translation>
    </message>
    <message>
        <source>global is not available in the playground</source>
        <translation>플레이그라운드에서는 global을 쓸 수 없습니다</translation>
    </message>
    <message>
        <source>nonlocal is not available in the playground</source>
        <translation>플레이그라운드에서는 nonlocal을 쓸 수 없습니다</translation>
    </message>
    <message>
        <source>return is only meaningful inside functions, which the playground does not have</source>
        <translation>return은 함수 안에서만 의미가 있는데, 플레이그라운드에는 함수가 없습니다</translation>
    </message>
    <message>
        <source>yield is not available in the playground</source>
        <translation>플레이그라운드에서는 yield를 쓸 수 없습니다</translation>
    </message>
    <message>
        <source>await is not available in the playground</source>
        <translation>플레이그라운드에서는 await를 쓸 수 없습니다</translation>
    </message>
    <message>
        <source>async code is not available in the playground</source>
        <translation>플레이그라운드에서는 async 코드를 쓸 수 없습니다</translation>
    </message>
    <message>
        <source>code here cannot read files or load pickles</source>
        <translation>여기서는 파일을 읽거나 pickle을 불러올 수 없습니다</translation>
    </message>
    <message>
        <source>code here cannot write files</source>
        <translation>여기서는 파일을 쓸 수 없습니다</translation>
    </message>
    <message>
        <source>code here cannot download or import models</source>
        <translation>여기서는 모델을 내려받거나 가져올 수 없습니다</translation>
    </message>
    <message>
        <source>raw operator access is outside the sandbox</source>
        <translation>연산자 직접 접근은 샌드박스 밖의 일입니다</translation>
    </message>
    <message>
        <source>torch.utils reaches file IO and native extensions</source>
        <translation>torch.utils는 파일 입출력과 네이티브 확장에 닿습니다</translation>
    </message>
    <message>
        <source>ctypes reaches native memory</source>
        <translation>ctypes는 네이티브 메모리에 닿습니다</translation>
    </message>
    <message>
        <source>code here cannot read files</source>
        <translation>여기서는 파일을 읽을 수 없습니다</translation>
    </message>
    <message>
        <source>it is not on the playground&apos;s allow-list</source>
        <translation>플레이그라운드 허용 목록에 없습니다</translation>
    </message>
    <message>
        <source>bad format string: {reason}</source>
        <translation>잘못된 서식 문자열: {reason}</translation>
    </message>
    <message>
        <source>format field {field} reaches into attributes or items, which is not allowed; use an f-string such as f&quot;{{x.shape}}&quot; instead</source>
        <translation>서식 필드 {field}는 속성이나 항목에 접근하므로 허용되지 않습니다. 대신 f&quot;{{x.shape}}&quot; 같은 f-문자열을 쓰세요</translation>
    </message>
    <message>
        <source>{kind} statements are not available in the playground</source>
        <translation>플레이그라운드에서는 {kind} 문을 쓸 수 없습니다</translation>
    </message>
    <message>
        <source>&apos;{name}&apos;: double-underscore names are not available in the playground</source>
        <translation>&apos;{name}&apos;: 플레이그라운드에서는 이중 밑줄 이름을 쓸 수 없습니다</translation>
    </message>
    <message>
        <source>&apos;.{name}&apos;: private and double-underscore attributes are not available in the playground</source>
        <translation>&apos;.{name}&apos;: 플레이그라운드에서는 비공개 속성과 이중 밑줄 속성을 쓸 수 없습니다</translation>
    </message>
    <message>
        <source>{name} is not available in the playground: did you mean {guess}?</source>
        <translation>플레이그라운드에서는 {name}을(를) 쓸 수 없습니다: {guess}을(를) 말씀하신 건가요?</translation>
    </message>
    <message>
        <source>{name} is not available in the playground: {hint}</source>
        <translation>플레이그라운드에서는 {name}을(를) 쓸 수 없습니다: {hint}</translation>
    </message>
    <message>
        <source>calling the class that type() returns is not available in the playground</source>
        <translation>플레이그라운드에서는 type()이 돌려준 클래스를 호출할 수 없습니다</translation>
    </message>
    <message>
        <source>&apos;from {module} import *&apos; is not available; import the names you need</source>
        <translation>&apos;from {module} import *&apos;는 쓸 수 없습니다. 필요한 이름을 가져오세요</translation>
    </message>
    <message>
        <source>&apos;.{name}&apos; of a {type} is not available in the playground: did you mean .{guess}?</source>
        <translation>플레이그라운드에서는 {type}의 &apos;.{name}&apos;을(를) 쓸 수 없습니다: .{guess}을(를) 말씀하신 건가요?</translation>
    </message>
    <message>
        <source>&apos;.{name}&apos; of a {type} is not on the playground&apos;s allow-list of attributes and methods</source>
        <translation>{type}의 &apos;.{name}&apos;은(는) 플레이그라운드의 속성·메서드 허용 목록에 없습니다</translation>
    </message>
    <message>
        <source>&apos;.{name}&apos; is not available in the playground: did you mean .{guess}?</source>
        <translation>플레이그라운드에서는 &apos;.{name}&apos;을(를) 쓸 수 없습니다: .{guess}을(를) 말씀하신 건가요?</translation>
    </message>
    <message>
        <source>&apos;.{name}&apos; is not on the playground&apos;s allow-list of attributes and methods</source>
        <translation>&apos;.{name}&apos;은(는) 플레이그라운드의 속성·메서드 허용 목록에 없습니다</translation>
    </message>
    <message>
        <source>&apos;{statement}&apos; is not available in the playground: only torch, numpy and torch.nn.functional can be imported (they are already there as torch, np and F)</source>
        <translation>플레이그라운드에서는 &apos;{statement}&apos;을(를) 쓸 수 없습니다: torch, numpy, torch.nn.functional만 가져올 수 있습니다(이미 torch, np, F로 있습니다)</translation>
    </message>
    <message>
        <source>syntax error: {reason} in &apos;{code}&apos;</source>
        <translation>문법 오류: &apos;{code}&apos;에서 {reason}</translation>
    </message>
    <message>
        <source>syntax error: {reason}</source>
        <translation>문법 오류: {reason}</translation>
    </message>
    <message>
        <source>cannot read this code: {reason}</source>
        <translation>이 코드를 읽을 수 없습니다: {reason}</translation>
    </message>
    <message>
        <source>the code is nested too deeply to check</source>
        <translation>코드가 너무 깊게 중첩되어 검사할 수 없습니다</translation>
    </message>
</context>
<context>
    <name>python_hints</name>
    <message>
        <source>The walkthrough makes training_data in its text, not in a code block. Run the Examples entry &apos;Datasets and DataLoader&apos; first, or: training_data = datasets.FashionMNIST(root=&quot;data&quot;, train=True, download=True, transform=ToTensor())</source>
        <translation>튜토리얼은 training_data를 코드 블록이 아닌 본문에서 만듭니다. 예제 메뉴의 &apos;데이터셋과 데이터로더&apos;를 먼저 실행하거나, 다음을 실행하세요: training_data = datasets.FashionMNIST(root=&quot;data&quot;, train=True, download=True, transform=ToTensor())</translation>
    </message>
    <message>
        <source>The walkthrough makes test_data in its text, not in a code block. Run the Examples entry &apos;Datasets and DataLoader&apos; first, or: test_data = datasets.FashionMNIST(root=&quot;data&quot;, train=False, download=True, transform=ToTensor())</source>
        <translation>튜토리얼은 test_data를 코드 블록이 아닌 본문에서 만듭니다. 예제 메뉴의 &apos;데이터셋과 데이터로더&apos;를 먼저 실행하거나, 다음을 실행하세요: test_data = datasets.FashionMNIST(root=&quot;data&quot;, train=False, download=True, transform=ToTensor())</translation>
    </message>
    <message>
        <source>train_dataloader comes from the DataLoader block, which needs training_data first (see the Examples entry &apos;Datasets and DataLoader&apos;).</source>
        <translation>train_dataloader는 DataLoader 블록에서 만들어지는데, 그 블록에는 training_data가 먼저 있어야 합니다(예제 메뉴의 &apos;데이터셋과 데이터로더&apos; 참고).</translation>
    </message>
    <message>
        <source>The walkthrough sets learning_rate in its text (learning_rate = 1e-3, with batch_size = 64 and epochs = 5); run that line first, or the Examples entry &apos;The optimisation loop&apos;.</source>
        <translation>튜토리얼은 learning_rate를 본문에서 정합니다(learning_rate = 1e-3, batch_size = 64, epochs = 5). 그 줄을 먼저 실행하거나 예제 메뉴의 &apos;최적화 단계&apos;를 실행하세요.</translation>
    </message>
    <message>
        <source>torch.load reads only weights by default since torch 2.6, and this file holds a whole pickled model, which can run code when loaded. If you made the file yourself or trust where it came from: model = torch.load(&apos;model.pth&apos;, weights_only=False). Better: save model.state_dict() and load it into a new model with load_state_dict.</source>
        <translation>torch 2.6부터 torch.load는 기본적으로 가중치만 읽는데, 이 파일에는 pickle로 저장된 모델 전체가 들어 있어 불러올 때 코드가 실행될 수 있습니다. 직접 만든 파일이거나 출처를 믿을 수 있다면: model = torch.load(&apos;model.pth&apos;, weights_only=False). 더 나은 방법: model.state_dict()를 저장하고 새 모델에 load_state_dict로 불러오세요.</translation>
    </message>
    <message>
        <source>The data set is not in the data folder and could not be downloaded. root=&quot;data&quot; here is the app&apos;s data folder: download the data set from the Data panel, or copy its files under data/&lt;Name&gt;/raw, then run the block again.</source>
        <translation>데이터셋이 데이터 폴더에 없고 내려받을 수도 없었습니다. 여기서 root=&quot;data&quot;는 앱의 데이터 폴더입니다: 데이터 패널에서 데이터셋을 내려받거나 파일을 data/&lt;Name&gt;/raw 아래에 복사한 뒤 블록을 다시 실행하세요.</translation>
    </message>
    <message>
        <source>This line downloads pretrained weights from the internet, which is not reachable here; and pretrained=True is deprecated. With the network: models.vgg16(weights=models.VGG16_Weights.DEFAULT). Without it: models.vgg16(weights=None) builds the same model untrained.</source>
        <translation>이 줄은 사전 학습된 가중치를 인터넷에서 내려받는데, 여기서는 인터넷에 연결할 수 없습니다. 또한 pretrained=True는 더 이상 권장되지 않습니다. 네트워크가 있으면: models.vgg16(weights=models.VGG16_Weights.DEFAULT). 없으면: models.vgg16(weights=None)이 같은 모델을 학습되지 않은 상태로 만듭니다.</translation>
    </message>
</context>
<context>
    <name>python_mode</name>
    <message>
        <source>interrupted</source>
        <translation>중단됨</translation>
    </message>
    <message>
        <source>the code called {call}; the playground carries on</source>
        <translation>코드가 {call}을(를) 호출했습니다. 플레이그라운드는 계속 동작합니다</translation>
    </message>
</context>
<context>
    <name>sendable</name>
    <message>
        <source>{name} is not a model, a dataset or a transform; it holds {type}</source>
        <translation>{name}은(는) 모델, 데이터셋, 변형이 아닙니다. {type} 값입니다</translation>
    </message>
    <message>
        <source>{name} could not be sent to the app ({error})</source>
        <translation>{name}을(를) 앱으로 보낼 수 없습니다 ({error})</translation>
    </message>
    <message>
        <source>{name} needs arguments the app cannot give ({arguments}); make a dataset and send that instead: data = {name}(...)</source>
        <translation>{name}에는 앱이 줄 수 없는 인자가 필요합니다({arguments}). 데이터셋을 만들어 그것을 보내세요: data = {name}(...)</translation>
    </message>
    <message>
        <source>{name} has no length; the panels need a map-style Dataset (__len__ and __getitem__)</source>
        <translation>{name}에는 길이가 없습니다. 패널에는 맵 방식 Dataset(__len__과 __getitem__)이 필요합니다</translation>
    </message>
    <message>
        <source>{name} is empty</source>
        <translation>{name}이(가) 비어 있습니다</translation>
    </message>
    <message>
        <source>{name}[0] failed: {error}</source>
        <translation>{name}[0]이(가) 실패했습니다: {error}</translation>
    </message>
    <message>
        <source>{name}[0] is not an (image, label) pair; the panels train on (image, class number) samples</source>
        <translation>{name}[0]이(가) (이미지, 정답) 쌍이 아닙니다. 패널은 (이미지, 클래스 번호) 샘플로 학습합니다</translation>
    </message>
    <message>
        <source>the labels of {name} are not class numbers ({name}[0][1] is {label}); send it without a target_transform</source>
        <translation>{name}의 정답이 클래스 번호가 아닙니다({name}[0][1]은 {label}). target_transform 없이 보내세요</translation>
    </message>
</context>
<context>
    <name>shared_models</name>
    <message>
        <source>{name} (from the playground)</source>
        <translation>{name} (플레이그라운드에서)</translation>
    </message>
    <message>
        <source>Typed in the playground&apos;s Python mode: {name}, applied to each image after ToTensor.</source>
        <translation>플레이그라운드의 Python 모드에서 입력: {name}, ToTensor 뒤에 각 이미지에 적용됩니다.</translation>
    </message>
    <message>
        <source>the class {type}, built with no arguments for each run</source>
        <translation>{type} 클래스, 실행마다 인자 없이 만들어집니다</translation>
    </message>
    <message>
        <source>a copy of the {type} in the variable {name}, with its weights as they were when sent</source>
        <translation>변수 {name}에 있던 {type}의 복사본, 보낼 때의 가중치 그대로</translation>
    </message>
    <message>
        <source>Typed in the playground&apos;s Python mode: {how}.</source>
        <translation>플레이그라운드의 Python 모드에서 입력: {how}.</translation>
    </message>
    <message>
        <source>the dataset in the variable {name} ({size} samples)</source>
        <translation>변수 {name}의 데이터셋 (샘플 {size}개)</translation>
    </message>
    <message>
        <source>the Dataset class {name}, given the data folder and the split</source>
        <translation>Dataset 클래스 {name}, 데이터 폴더와 분할을 받아 만들어집니다</translation>
    </message>
</context>
<context>
    <name>source_models</name>
    <message>
        <source>The code saved for {name} failed to run: {error}</source>
        <translation>{name}에 저장된 코드를 실행하지 못했습니다: {error}</translation>
    </message>
    <message>
        <source>The code saved in the file does not define the model class {name}.</source>
        <translation>파일에 저장된 코드에 모델 클래스 {name}이(가) 정의되어 있지 않습니다.</translation>
    </message>
</context>
<context>
    <name>variables</name>
    <message>
        <source>a {bits:,}-bit integer</source>
        <translation>{bits:,}비트 정수</translation>
    </message>
    <message>
        <source>could not be described ({reason})</source>
        <translation>설명할 수 없음 ({reason})</translation>
    </message>
</context>
<context>
    <name>views</name>
    <message>
        <source>&lt;{type}: its text could not be made ({error})&gt;</source>
        <translation>&lt;{type}: 텍스트를 만들 수 없습니다 ({error})&gt;</translation>
    </message>
    <message>
        <source>… ({count:,} more characters)</source>
        <translation>… ({count:,}자 더 있음)</translation>
    </message>
    <message>
        <source>{name} is not a tensor, so it has no autograd graph.</source>
        <translation>{name}은(는) 텐서가 아니므로 autograd 그래프가 없습니다.</translation>
    </message>
    <message>
        <source>The autograd graph of {name} could not be drawn ({error}).</source>
        <translation>{name}의 autograd 그래프를 그릴 수 없습니다 ({error}).</translation>
    </message>
    <message>
        <source>{name}: {type} of shape {shape}, {dtype}</source>
        <translation>{name}: {type}, 모양 {shape}, {dtype}</translation>
    </message>
</context>
<context>
    <name>walkthrough</name>
    <message>
        <source>Tensors</source>
        <translation>텐서</translation>
    </message>
    <message>
        <source>The NumPy bridge</source>
        <translation>NumPy 변환</translation>
    </message>
    <message>
        <source>Datasets and DataLoader</source>
        <translation>데이터셋과 데이터로더</translation>
    </message>
    <message>
        <source>Transforms</source>
        <translation>변형</translation>
    </message>
    <message>
        <source>Building the model</source>
        <translation>모델 구성하기</translation>
    </message>
    <message>
        <source>Autograd</source>
        <translation>Autograd</translation>
    </message>
    <message>
        <source>The optimisation loop</source>
        <translation>최적화 단계</translation>
    </message>
    <message>
        <source>Save and load</source>
        <translation>저장하고 불러오기</translation>
    </message>
</context>
</TS>
