FROM python:3.12-slim
WORKDIR /app
COPY requirements.txt .
#! BD052
RUN pip install -r requirements.txt
#! BD052
RUN python3 -m pip install --upgrade pip==24.0
COPY package.json yarn.lock ./
#! BD052
RUN yarn install --frozen-lockfile
CMD ["python", "app.py"]
